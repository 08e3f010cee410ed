import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FakeBotConnector } from '../fakes/bot-connector';
import { messageActivity } from '../helpers/activities';
import { postJson } from '../helpers/app';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

describe('the app process', function () {
  this.timeout(60_000);

  it('on SIGTERM stops accepting, finishes the request in flight, closes the store and exits 0', async () => {
    const connector = await new FakeBotConnector().start();
    // The reply to the in-flight message is slow, so SIGTERM arrives while the turn is still running.
    connector.failNext(1, { status: 201, body: { id: 'slow' }, delayMs: 1_500 }, /activities/);
    const dataDir = makeTempDir('shutdown');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"port":(\d+),"msg":"listening"/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', () => reject(new Error(`the app exited before listening:\n${output}`)));
    });
    try {
      const inFlight = postJson(`http://127.0.0.1:${port}/api/messages`, messageActivity('help', { serviceUrl: connector.url }));
      await connector.waitFor(/activities/);
      child.kill('SIGTERM');
      const response = await inFlight;
      assert.equal(response.status, 200, 'the request in flight completed');
      assert.equal(await exited, 0, output);
      assert.match(output, /"msg":"stopped"/);
      assert.ok(!fs.existsSync(path.join(dataDir, 'LOCK')), 'the store was closed and its lock released');
    } finally {
      child.kill('SIGKILL');
      await connector.stop();
    }
  });

  it('refuses to start with a bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...process.env, BOT_PASSWORD: 'x', BOT_ID: '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /BOT_PASSWORD is set but BOT_ID is not: set both, or neither for local mode/);
  });
});
