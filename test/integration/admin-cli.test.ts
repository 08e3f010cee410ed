import assert from 'node:assert/strict';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { createStore } from '../../src/store/open-store';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeIntercom } from '../fakes/intercom';
import { ALEX, messageActivity, TEST_TENANT } from '../helpers/activities';
import { admin } from '../helpers/admin-cli';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { filesMentioning, liveDocuments } from '../helpers/privacy';
import { makeTempDir } from '../helpers/temp-dir';

describe('npm run admin', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let intercom: FakeIntercom;
  let test: TestApp;
  let env: Record<string, string>;

  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
    intercom = await new FakeIntercom().start();
    env = { DATA_DIR: makeTempDir('admin'), INTERCOM_TOKEN: 'intercom-test-token', INTERCOM_BASE_URL: intercom.url };
    test = await startTestApp(env);
    const base = messageActivity('help', { serviceUrl: connector.url });
    await postJson(`${test.url}/api/messages`, { ...base, from: { ...(base.from as object), email: 'alex@contoso.com' } });
    await test.app.privacy.personSync.idle();
  });
  afterEach(async () => {
    await test.stop();
    await Promise.all([connector.stop(), intercom.stop()]);
  });

  it('exports, then forgets, a person by e-mail through the running app', async () => {
    const exported = await admin(['export', '--email', 'Alex@Contoso.com'], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal((JSON.parse(exported.stdout) as { data: { users: { email: string } } }).data.users.email, 'alex@contoso.com');

    const forgotten = await admin(['forget', '--email', 'alex@contoso.com'], env);
    assert.equal(forgotten.code, 0, forgotten.stderr);
    assert.equal((JSON.parse(forgotten.stdout) as { status: string }).status, 'completed');
    assert.deepEqual(filesMentioning(test.dataDir, [ALEX.aadObjectId, 'alex@contoso.com']), []);
    assert.equal(intercom.contacts.size, 0);
    assert.ok(liveDocuments(test.dataDir, 'audit').some((entry) => entry.action === 'erasure.completed' && entry.actor === 'operator-cli'));
  });

  it('opens the store itself when no app is running, and says when nobody matches', async () => {
    await test.stop();
    assert.equal((await admin(['forget', '--email', 'nobody@contoso.com'], env)).code, 1);
    const forgotten = await admin(['forget', '--email', 'alex@contoso.com'], env);
    assert.equal(forgotten.code, 0, forgotten.stderr);
    assert.deepEqual(filesMentioning(env.DATA_DIR!, [ALEX.aadObjectId, 'alex@contoso.com']), []);
    assert.equal(intercom.contacts.size, 0);
  });

  it('prints the weekly report without people or small groups', async () => {
    await test.stop();
    const db = openEmbeddedDatabase({ dataDir: env.DATA_DIR! });
    await ensureIndexes(db);
    const store = createStore(db);
    for (let i = 0; i < 6; i += 1) {
      const person = { userId: `user-${i}`, tenantId: TEST_TENANT };
      await store.usage.record({ ...person, kind: 'session.booked', itemType: 'session', itemId: 's-1', at: new Date('2026-11-24T10:00:00Z') });
      if (i < 2) await store.usage.record({ ...person, kind: 'session.attended', itemType: 'session', itemId: 's-1', at: new Date('2026-11-25T10:00:00Z') });
    }
    await db.close();
    const report = await admin(['report', '--json'], env);
    assert.equal(report.code, 0, report.stderr);
    const [row] = JSON.parse(report.stdout) as { week: string; metrics: Record<string, unknown> }[];
    assert.equal(row!.week, '2026-W48');
    assert.deepEqual(row!.metrics.sessionsBooked, { people: 6, events: 6 });
    assert.equal(row!.metrics.sessionsAttended, null, 'two people are too few to show');
    assert.doesNotMatch(report.stdout, /user-\d|alex/i);
    assert.equal((await admin(['report'], env)).stdout.split('\n')[1], `${TEST_TENANT}\t2026-W48\t6 (6 people)\t<5 people\t<5 people\t<5 people`);
  });

  it('explains its usage on a bad command', async () => {
    const result = await admin(['forget', '--email'], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Usage: npm run admin -- forget --email ADDRESS/);
    assert.match((await admin([], env)).stderr, /forget +forget --email ADDRESS/);
  });
});
