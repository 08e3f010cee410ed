// `npm run playground`: Microsoft 365 Agents Playground against the bot on this machine (`npm start`).
// It runs from playground/, where it reads .m365agentsplayground.yml and writes devTools/*.log.
// The Playground sends no token, so the bot must run in local mode (no BOT_ID); see
// shared/facts/agents-playground.md. PORT is the bot's port, PLAYGROUND_PORT the page's.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const botPort = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const endpoint = `http://localhost:${botPort}/api/messages`;

async function botIsUp(): Promise<boolean> {
  try {
    const response = await fetch(`http://localhost:${botPort}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch (error) {
    console.warn(`No answer from http://localhost:${botPort}/healthz (${(error as Error).message}).`);
    return false;
  }
}

async function main(): Promise<void> {
  if (!(await botIsUp())) {
    console.warn('Start the bot in another terminal with `npm start`; the Playground connects when it is up.');
  }
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, '--app-endpoint', endpoint, '--channel-id', 'msteams', '--port', playgroundPort, '--disable-telemetry'], {
    cwd: path.join(root, 'playground'),
    // No browser is opened: the Playground prints its address (another port if 56150 is taken).
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'inherit',
  });
  console.log(`Agents Playground for ${endpoint}: open http://localhost:${playgroundPort}/ (Ctrl+C stops it).`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main().catch((error: unknown) => {
  console.error('The Playground could not start:', error);
  process.exitCode = 1;
});
