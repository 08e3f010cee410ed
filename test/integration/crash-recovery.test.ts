import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FakeBotConnector } from '../fakes/bot-connector';
import { eventually } from '../helpers/delivery-rig';
import { makeTempDir } from '../helpers/temp-dir';

const WORKER = path.resolve(__dirname, '../fixtures/delivery-worker.ts');

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', WORKER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

/** SIGTERM: the worker stops its scheduler (waiting for the sends in flight) and exits; resolves with its exit code. */
function stopWorker(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/**
 * A process delivering 500 due reminders is killed with SIGKILL mid-way and started again on the same
 * DATA_DIR: every reminder is delivered; only those in flight at the kill may go twice.
 */
describe('crash recovery', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let worker: ChildProcess | undefined;

  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
  });
  afterEach(async () => {
    worker?.kill('SIGKILL');
    await connector.stop();
  });

  it('delivers every reminder after a SIGKILL mid-way, with duplicates limited to the sends in flight', async () => {
    const env = { DATA_DIR: makeTempDir('crash'), BOT_SERVICE_URL: connector.url, DELIVERY_LEASE: '2s', RATE_TENANT_RPS: '400', SCHEDULER_CONCURRENCY: '16' };
    worker = await startWorker({ ...env, SEED: '500' });
    await eventually(() => connector.delivered.length >= 150, 30_000, '150 deliveries before the kill');
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    const atKill = connector.delivered.length;

    worker = await startWorker(env);
    await eventually(() => connector.deliveredPerConversation().size === 500, 30_000, 'all 500 people reminded');
    assert.equal(await stopWorker(worker), 0, 'the worker stopped its scheduler, sends in flight included, before we count');
    const duplicated = [...connector.deliveredPerConversation().values()].filter((count) => count > 1).length;
    process.stdout.write(`      crash test: killed after ${atKill} deliveries; 500/500 delivered after restart; ${duplicated} delivered twice (in-flight bound: SCHEDULER_CONCURRENCY=16)\n`);
    assert.ok(duplicated <= 16, `at most the ${16} sends in flight may repeat, saw ${duplicated}`);
    assert.equal(connector.deliveredPerConversation().size, 500);
  });
});
