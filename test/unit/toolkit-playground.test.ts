import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from '../helpers/app-package';
import { makeTempDir } from '../helpers/temp-dir';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function collect(child: ChildProcess): { text: () => string; exited: Promise<number | null> } {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { text: () => text, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** Resolves when the Playground's backend answers, i.e. it loaded its configuration; rejects if it exits first. */
async function backendUp(port: number, exited: Promise<number | null>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the Playground exited:\n${output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/_debug/ping`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Playground did not come up:\n${output()}`);
}

describe('npm run playground', function () {
  this.timeout(40_000);

  it('starts Agents Playground from playground/ with the committed mock Teams context, pointed at the local bot', async () => {
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/playground.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort) },
    });
    const run = collect(child);
    try {
      await backendUp(playgroundPort, run.exited, run.text);
      assert.match(run.text(), new RegExp(`Agents Playground for http://localhost:${botPort}/api/messages`));
      assert.match(run.text(), /Start the bot in another terminal with `npm start`/, 'says what to do when the bot is not running');
      const log = readFileSync(path.join(ROOT, 'playground/devTools/m365agentsplayground.log'), 'utf8');
      assert.match(log, new RegExp(`Listening on ${playgroundPort}`));
    } finally {
      child.kill('SIGTERM');
      await run.exited;
    }
  });

  it('would fail on a mock context the Playground rejects (the check above can fail)', async () => {
    const dir = makeTempDir('playground');
    const config = readFileSync(path.join(ROOT, 'playground/.m365agentsplayground.yml'), 'utf8');
    writeFileSync(path.join(dir, '.m365agentsplayground.yml'), config.replace(/^users:\n(?: {2}.*\n)+/m, 'users: []\n'));
    const port = await freePort();
    const child = spawn(process.execPath, [require.resolve('@microsoft/m365agentsplayground/cli.js'), '-e', 'http://localhost:9/api/messages', '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TEAMSAPPTESTER_BROWSER: 'none' },
    });
    const run = collect(child);
    await assert.rejects(backendUp(port, run.exited, run.text), /exited/);
    assert.match(readFileSync(path.join(dir, 'devTools/m365agentsplayground.log'), 'utf8'), /ConfigFileParseError/);
  });
});
