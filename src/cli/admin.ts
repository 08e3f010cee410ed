// `npm run admin -- <command>`: operator commands.
//   forget --email X   erase everything about a person (store and Intercom), as "forget me" does
//   export --email X   print everything held about a person, as JSON
//   report [--json]    per-tenant weekly usage, no personal data, no group under 5 people
// With the embedded store held by a running app, the command goes through that app (two processes
// must never open the same files); otherwise it opens the store itself.
import { composePrivacy } from '../compose-privacy';
import { ConfigError, loadConfig, type Config } from '../config';
import { isEmailAddress } from '../domain/privacy';
import type { UsageReportRow } from '../domain/usage-report';
import { createRootLogger } from '../logger';
import { DataDirLockedError, readLockHolder } from '../store/embedded/data-dir-lock';
import { createStore, openDatabase } from '../store/open-store';

const USAGE = `Usage: npm run admin -- forget --email ADDRESS
       npm run admin -- export --email ADDRESS
       npm run admin -- report [--json]`;

type Command = { name: 'forget' | 'export'; email: string } | { name: 'report'; json: boolean };

export function parseArguments(argv: readonly string[]): Command | undefined {
  const [name, ...rest] = argv;
  if (name === 'report') return rest.every((arg) => arg === '--json') ? { name, json: rest.includes('--json') } : undefined;
  if (name !== 'forget' && name !== 'export') return undefined;
  const flag = rest.indexOf('--email');
  const email = flag >= 0 ? rest[flag + 1]?.trim() : undefined;
  return email && isEmailAddress(email) && rest.length === 2 ? { name, email } : undefined;
}

async function main(argv: string[]): Promise<number> {
  const command = parseArguments(argv);
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const result = (config.mongo ? undefined : await throughRunningApp(config, command)) ?? (await directly(config, command));
  if (result === 'not-found') {
    console.error('No person with that e-mail address is known to the app.');
    return 1;
  }
  if (command.name === 'report' && !command.json) printReport(result as UsageReportRow[]);
  else console.log(JSON.stringify(result, null, 2));
  return 0;
}

async function throughRunningApp(config: Config, command: Command): Promise<unknown> {
  const holder = readLockHolder(config.dataDir);
  if (!holder?.port || !isAlive(holder.pid)) return undefined;
  console.error(`The app (process ${holder.pid}) holds ${config.dataDir}: running through it.`);
  const response = await fetch(`http://127.0.0.1:${holder.port}/internal/admin/${command.name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${holder.secret}` },
    body: JSON.stringify(command.name === 'report' ? {} : { email: command.email }),
  });
  if (response.status === 404) return 'not-found';
  if (!response.ok) throw new Error(`The running app refused the command (HTTP ${response.status})`);
  return response.json();
}

async function directly(config: Config, command: Command): Promise<unknown> {
  const log = createRootLogger({ level: 'warn' });
  const db = await openDatabase({ mongo: config.mongo, dataDir: config.dataDir }, log);
  try {
    const clock = { now: () => new Date() };
    const privacy = await composePrivacy({ config, store: createStore(db), clock, log });
    if (command.name === 'report') return await privacy.reports.report();
    const person = await privacy.privacy.findByEmail(command.email);
    if (!person) return 'not-found';
    return command.name === 'export' ? await privacy.privacy.exportData(person) : await privacy.privacy.forget(person, { actor: 'operator-cli' });
  } finally {
    await db.close();
  }
}

function printReport(rows: readonly UsageReportRow[]): void {
  const cell = (value: { people: number; events: number } | null) => (value ? `${value.events} (${value.people} people)` : '<5 people');
  console.log(['tenant', 'week', 'sessions booked', 'sessions attended', 'courses viewed', 'rooms visited'].join('\t'));
  for (const row of rows) {
    const { sessionsBooked, sessionsAttended, coursesViewed, roomsVisited } = row.metrics;
    console.log([row.tenantId, row.week, cell(sessionsBooked), cell(sessionsAttended), cell(coursesViewed), cell(roomsVisited)].join('\t'));
  }
  if (rows.length === 0) console.log('(no usage recorded yet)');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(error.message);
      else if (error instanceof DataDirLockedError) console.error(`${error.message}. Stop the app or wait for it to finish starting, then try again.`);
      else console.error(`The command failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
