import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { noticeKeys } from '../../src/domain/notices';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { createStore } from '../../src/store/open-store';
import { TEST_TENANT } from '../helpers/activities';
import { startTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const alex = { userId: 'aaaaaaaa-0000-0000-0000-00000000000a', tenantId: TEST_TENANT };
const blair = { userId: 'aaaaaaaa-0000-0000-0000-00000000000b', tenantId: alex.tenantId };

/** Runs the CLI without blocking this process (the running app it may call lives here). */
function admin(dataDir: string, ...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', 'tsx/cjs', 'src/cli/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

async function seedOneDeadOnePending(dataDir: string): Promise<void> {
  const db = openEmbeddedDatabase({ dataDir });
  await ensureIndexes(db);
  const store = createStore(db);
  const now = new Date();
  for (const person of [alex, blair]) {
    await store.deliveries.enqueue({ key: noticeKeys.reminder(person, 's-9', now, 900_000), person, dueAt: now, payload: { kind: 'session.reminder', sessionId: 's-9', offsetMs: 900_000, startsAt: now } });
  }
  const [first] = await store.deliveries.claimDue('seed', now, 1, 60_000);
  await store.deliveries.deadLetter(first!, 'BLOCKED: the person blocked the app', now);
  await db.close();
}

describe('npm run admin -- queue', function () {
  this.timeout(60_000);

  it('lists dead items with their reason and no personal data, and retries them', async () => {
    const dataDir = makeTempDir('admin');
    await seedOneDeadOnePending(dataDir);
    const dead = await admin(dataDir, 'queue', 'dead');
    assert.equal(dead.status, 0, dead.out);
    assert.match(dead.out, /dead: 1/);
    assert.match(dead.out, /session\.reminder {2}s-9 .*BLOCKED: the person blocked the app/);
    assert.doesNotMatch(dead.out, /aaaaaaaa|11111111/, 'no user or tenant id');
    const retried = await admin(dataDir, 'queue', 'retry', '--all');
    assert.match(retried.out, /1 dead item\(s\) put back/);
    assert.match((await admin(dataDir, 'queue', 'pending')).out, /pending: 2 due/);
  });

  it('goes through the running app when it holds the embedded store', async () => {
    const dataDir = makeTempDir('admin-running');
    await seedOneDeadOnePending(dataDir);
    const test = await startTestApp({ DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false' });
    try {
      assert.match((await admin(dataDir, 'queue', 'dead')).out, /dead: 1/);
      assert.match((await admin(dataDir, 'queue', 'retry', '--all')).out, /1 dead item/);
    } finally {
      await test.stop();
    }
  });

  it('explains its usage on a bad command', async () => {
    const result = await admin(makeTempDir('admin-usage'), 'queue', 'retry');
    assert.equal(result.status, 2);
    assert.match(result.out, /queue retry --all \| --ref REF/);
    assert.match((await admin(makeTempDir('admin-usage'), 'nope')).out, /Unknown command "nope"[\s\S]*queue/);
  });
});
