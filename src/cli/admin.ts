// `npm run admin -- <command> [args]`: operator commands. Each command is a module under
// src/cli/admin/ registered in COMMANDS (privacy adds forget, export, report the same way).
import { ConfigError, loadConfig, type Config } from '../config';
import { exportCommand, forgetCommand, reportCommand } from './admin/privacy';
import { queueCommand } from './admin/queue';

export interface AdminCommand {
  /** One line for the usage text. */
  readonly summary: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[], config: Config): Promise<number>;
}

const COMMANDS: Readonly<Record<string, AdminCommand>> = {
  queue: queueCommand,
  forget: forgetCommand,
  export: exportCommand,
  report: reportCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: npm run admin -- <command> [args]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== 'help' && name !== '--help' ? `Unknown command "${name}".\n\n${usage()}` : usage());
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  return command.run(args, config);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
