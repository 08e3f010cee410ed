import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../src/cards/session-view';
import type { FakeBotConnector } from '../fakes/bot-connector';
import { ALEX, BLAIR, messageActivity, type TestUser } from '../helpers/activities';
import { admin } from '../helpers/admin-cli';
import { postJson, useAppWithConnector, type TestApp } from '../helpers/app';
import { cardAfter, importSessions, sessionRecord } from '../helpers/booking';
import { filesMentioning, liveDocuments } from '../helpers/privacy';

/** Erasure reaches every holder whichever way it is asked for, and whatever the person's seats are doing. */
describe('erasure paths', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let test: TestApp;
  useAppWithConnector((app) => ({ connector, test } = app), { env: { SCHEDULER_ENABLED: 'false' } });

  const options = (user: TestUser) => ({ user, serviceUrl: connector.url });
  async function meet(user: TestUser, email: string) {
    const base = messageActivity('help', options(user));
    await postJson(`${test.url}/api/messages`, { ...base, from: { ...(base.from as object), email } });
    await test.app.privacy.personSync.idle();
  }
  const sessionDoc = (id: string) => liveDocuments(test.dataDir, 'sessions').find((doc) => doc._id === id) as { booked?: { key: string }[]; waitlist?: { key: string }[] };

  it('on the operator command with no app running: frees the seat for the waitlist and erases the recommendation data too', async () => {
    await meet(ALEX, 'alex@contoso.com');
    await meet(BLAIR, 'blair@contoso.com');
    await importSessions(test, [sessionRecord('s-one', { capacity: 1 })]);
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-one' }, options(ALEX));
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-one' }, options(BLAIR));
    await test.stop();

    const forgotten = await admin(['forget', '--email', 'alex@contoso.com'], { DATA_DIR: test.dataDir });
    assert.equal(forgotten.code, 0, forgotten.stderr);
    assert.deepEqual(filesMentioning(test.dataDir, [ALEX.aadObjectId, 'alex@contoso.com']), [], 'no trace in any collection, aggregates included');
    const session = sessionDoc('s-one');
    assert.deepEqual([session.booked?.length, session.waitlist?.length], [1, 0], 'the seat went to the person waiting');
    assert.ok(session.booked![0]!.key.endsWith(BLAIR.aadObjectId));
    const promotion = liveDocuments(test.dataDir, 'deliveries').find((item) => (item.payload as { kind: string }).kind === 'waitlist.promoted');
    assert.equal(promotion?.userId, BLAIR.aadObjectId, 'the promoted person is told');
  });

  it('forgets a person who holds a seat in a session that is running', async () => {
    await meet(ALEX, 'alex@contoso.com');
    await importSessions(test, [sessionRecord('s-now')]);
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-now' }, options(ALEX));
    test.clock.set('2026-12-02T12:10:00Z'); // ten minutes into the session
    const outcome = await test.app.privacy.privacy.forget({ userId: ALEX.aadObjectId, tenantId: '11111111-2222-3333-4444-555555555555' }, { actor: 'operator-cli' });
    assert.equal(outcome.status, 'completed');
    await test.stop();
    assert.deepEqual(sessionDoc('s-now').booked ?? [], []);
    assert.deepEqual(filesMentioning(test.dataDir, [ALEX.aadObjectId, 'alex@contoso.com']), []);
    assert.deepEqual(liveDocuments(test.dataDir, 'deliveries'), [], 'the erasure job is done and gone');
  });
});
