import assert from 'node:assert/strict';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { createStore } from '../../src/store/open-store';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeIntercom } from '../fakes/intercom';
import { ALEX, BLAIR, invokeActivity, messageActivity, TEST_TENANT, type TestUser } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { act, importSessions, sessionRecord } from '../helpers/booking';
import { FixedClock } from '../helpers/clock';
import { cardAction, filesMentioning, liveDocuments } from '../helpers/privacy';
import { makeTempDir } from '../helpers/temp-dir';

const EMAIL = new Map([[ALEX.aadObjectId, 'alex@contoso.com'], [BLAIR.aadObjectId, 'blair@contoso.com']]);
/** Everything that could identify Alex anywhere in the store's files. */
const ALEX_TRACES = [ALEX.aadObjectId, 'alex@contoso.com', '29:alex', 'Alex Wilber'];

describe('forget me and export my data', () => {
  let connector: FakeBotConnector;
  let intercom: FakeIntercom;
  let test: TestApp;
  let clock: FixedClock;

  /** Usage and a queued reminder for both people, written before the app starts (as earlier use would have). */
  async function seedStore(dataDir: string): Promise<void> {
    const db = openEmbeddedDatabase({ dataDir });
    await ensureIndexes(db);
    const store = createStore(db, () => clock.now());
    for (const user of [ALEX, BLAIR]) {
      const person = { userId: user.aadObjectId, tenantId: TEST_TENANT };
      await store.usage.record({ ...person, kind: 'session.booked', itemType: 'session', itemId: 's-101', at: new Date('2026-11-20T10:00:00Z') });
      await store.usage.record({ ...person, kind: 'course.viewed', itemType: 'course', itemId: 'c-3', at: new Date('2026-11-21T10:00:00Z') });
      await store.deliveries.enqueue({ key: `reminder:s-101:900000:${TEST_TENANT}:${user.aadObjectId}`, person, dueAt: new Date('2026-12-03T11:15:00Z'), payload: { kind: 'session.reminder', sessionId: 's-101', offsetMs: 900_000, startsAt: new Date('2026-12-03T11:30:00Z') } });
    }
    await db.close();
  }

  const activity = (user: TestUser) => ({ serviceUrl: connector.url, user });
  /** Teams sends no e-mail; local mode takes the one the client offers (Agents Playground) or a placeholder. */
  const say = async (text: string, user = ALEX) => {
    const base = messageActivity(text, activity(user));
    await postJson(`${test.url}/api/messages`, { ...base, from: { ...(base.from as object), email: EMAIL.get(user.aadObjectId) } });
    await test.app.privacy.personSync.idle();
  };
  const click = async (verb: string, user = ALEX) => postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', cardAction(verb), activity(user)));
  const cardOf = (response: { body: unknown }) => JSON.stringify((response.body as { value: unknown }).value);

  beforeEach(async () => {
    clock = new FixedClock();
    connector = await new FakeBotConnector().start();
    intercom = await new FakeIntercom().start();
    const dataDir = makeTempDir('privacy');
    await seedStore(dataDir);
    test = await startTestApp({ DATA_DIR: dataDir, INTERCOM_TOKEN: 'intercom-test-token', INTERCOM_BASE_URL: intercom.url }, clock);
    await say('help');
    await say('help', BLAIR);
    await connector.waitFor(/activities/, 2);
  });
  afterEach(async () => {
    await test.stop();
    await Promise.all([connector.stop(), intercom.stop()]);
  });

  it('asks for confirmation on a card with Universal Actions', async () => {
    await say('supprimer mes données');
    await connector.waitFor(/activities/, 3);
    const card = connector.sentCards().at(-1)!;
    assert.equal(card.version, '1.5');
    const actions = card.actions as { type: string; verb: string }[];
    assert.deepEqual(actions.map((a) => [a.type, a.verb]), [['Action.Execute', 'privacy.forget.confirm'], ['Action.Execute', 'privacy.forget.cancel']]);
    assert.match(JSON.stringify(card), /Delete everything about you\?/, 'the French command is understood');
  });

  it('keeps everything when the person cancels', async () => {
    const response = await click('privacy.forget.cancel');
    assert.match(cardOf(response), /Nothing was deleted/);
    assert.equal(liveDocuments(test.dataDir, 'users').length, 2);
    assert.equal(intercom.contacts.size, 2);
  });

  it('erases every trace of the person in every collection and in Intercom, and only theirs', async () => {
    const response = await click('privacy.forget.confirm');
    assert.equal(response.status, 200);
    assert.match(cardOf(response), /Your data is deleted/);
    assert.deepEqual(filesMentioning(test.dataDir, ALEX_TRACES), [], 'no file of the store, old journal lines included, names Alex');
    assert.equal(liveDocuments(test.dataDir, 'usage').length, 2, "Blair's usage stays");
    assert.equal(liveDocuments(test.dataDir, 'users').length, 1);
    assert.equal(liveDocuments(test.dataDir, 'deliveries').length, 1, "Blair's reminder stays");
    assert.deepEqual([...intercom.contacts.values()].map((c) => c.email), ['blair@contoso.com']);
    assert.equal(intercom.requestsTo(/^\/contacts\/[^/]+$/, 'DELETE').length, 1, 'permanently deleted');
    assert.deepEqual(intercom.requestsTo(/archive/), [], 'never archived');
  });

  it("gives up the person's seat to the first person waiting, who is told", async () => {
    await importSessions(test, [sessionRecord('s-full', { capacity: 1 })]);
    assert.equal((await act(test, 'session.book', { sessionId: 's-full' }, activity(ALEX))).status, 200);
    await act(test, 'session.book', { sessionId: 's-full' }, activity(BLAIR));
    const before = liveDocuments(test.dataDir, 'sessions').find((doc) => doc._id === 's-full')!;
    assert.equal((before.waitlist as unknown[]).length, 1, 'Blair waits');

    assert.match(cardOf(await click('privacy.forget.confirm')), /Your data is deleted/);
    const after = liveDocuments(test.dataDir, 'sessions').find((doc) => doc._id === 's-full')!;
    assert.equal(JSON.stringify(after.booked).includes(BLAIR.aadObjectId), true, 'Blair has the seat');
    assert.deepEqual(after.waitlist, []);
    const promoted = liveDocuments(test.dataDir, 'deliveries').filter((doc) => (doc.payload as { kind: string }).kind === 'waitlist.promoted');
    assert.deepEqual(promoted.map((doc) => doc.userId), [BLAIR.aadObjectId]);
    assert.deepEqual(filesMentioning(test.dataDir, ALEX_TRACES), [], 'nor in the recommendation profile the booking fed');
    assert.ok(liveDocuments(test.dataDir, 'usageProfiles').some((doc) => doc.userId === BLAIR.aadObjectId), "Blair's profile stays");
  });

  it('leaves an audit entry that says what happened and how much, about nobody', async () => {
    await click('privacy.forget.confirm');
    const audit = liveDocuments(test.dataDir, 'audit').filter((entry) => String(entry.action).startsWith('erasure'));
    assert.deepEqual(audit.map((entry) => entry.action), ['erasure.requested', 'erasure.completed']);
    const completed = audit[1]!;
    assert.deepEqual(Object.keys(completed).sort(), ['_id', 'action', 'actor', 'at', 'counts', 'requestId']);
    assert.deepEqual(completed.counts, { bookings: 0, recommendationProfile: 0, usage: 2, deliveries: 1, conversationReferences: 1, users: 1 });
    assert.equal(completed.actor, 'self');
  });

  it('completes later through the queue when Intercom is down, then tells the person', async () => {
    intercom.goDown();
    const response = await click('privacy.forget.confirm');
    assert.match(cardOf(response), /Your data is being deleted/);
    assert.equal(liveDocuments(test.dataDir, 'users').length, 1, "the app's own data went at once");
    assert.equal(intercom.contacts.size, 2, 'Intercom still holds the contact');
    const sentBefore = connector.sentActivities().length;

    intercom.recover();
    clock.advance(5 * 60_000);
    assert.equal(await test.app.privacy.worker.runDue(), 1);
    assert.deepEqual([...intercom.contacts.values()].map((c) => c.email), ['blair@contoso.com']);
    await connector.waitFor(/activities/, sentBefore + 1);
    assert.match(JSON.stringify(connector.sentCards().at(-1)), /support tool is now deleted too/);
    assert.deepEqual(filesMentioning(test.dataDir, ALEX_TRACES), [], 'the finished job left nothing behind');
    assert.deepEqual(liveDocuments(test.dataDir, 'audit').filter((e) => e.action === 'erasure.completed').length, 1);
  });

  it('sends a single-use link to everything the store holds about the person', async () => {
    await say('export my data');
    await connector.waitFor(/activities/, 3);
    const card = connector.sentCards().at(-1)!;
    const url = (card.actions as { url: string }[])[0]!.url;
    assert.match(url, /\/privacy\/export\/[\w-]+\.[\w-]+$/);
    const download = await fetch(`${test.url}${new URL(url).pathname}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('cache-control'), 'no-store');
    const exported = (await download.json()) as { person: unknown; data: Record<string, unknown> };

    const user = liveDocuments(test.dataDir, 'users').find((u) => u._id === ALEX.aadObjectId)!;
    const usage = liveDocuments(test.dataDir, 'usage').filter((u) => u.userId === ALEX.aadObjectId).map(({ _id, userId, tenantId, ...rest }) => rest);
    const reference = liveDocuments(test.dataDir, 'conversationReferences').find((r) => r._id === ALEX.aadObjectId)!;
    assert.deepEqual(exported.person, { userId: ALEX.aadObjectId, tenantId: TEST_TENANT });
    assert.deepEqual(exported.data.users, { userId: user._id, tenantId: user.tenantId, email: 'alex@contoso.com', preferences: user.preferences, createdAt: user.createdAt });
    assert.deepEqual(exported.data.usage, usage);
    assert.deepEqual((exported.data.conversationReferences as { reference: unknown }).reference, reference.reference);
    assert.equal((exported.data.deliveries as unknown[]).length, 1);
    assert.doesNotMatch(JSON.stringify(exported), /blair/i, "nobody else's data");

    assert.equal((await fetch(`${test.url}${new URL(url).pathname}`)).status, 410, 'the link works once');
  });

  it('refuses a tampered or expired export link', async () => {
    await say('export my data');
    await connector.waitFor(/activities/, 3);
    const path = new URL((connector.sentCards().at(-1)!.actions as { url: string }[])[0]!.url).pathname;
    const [body, mac] = path.split('/').at(-1)!.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), u: BLAIR.aadObjectId })).toString('base64url');
    assert.equal((await fetch(`${test.url}/privacy/export/${forged}.${mac}`)).status, 404);
    assert.equal((await fetch(`${test.url}/privacy/export/not-a-token`)).status, 404);
    clock.advance(11 * 60_000);
    assert.equal((await fetch(`${test.url}${path}`)).status, 404, 'expired');
  });

  it('tells a person who opens a used or expired export link, in words, how to get a new one', async () => {
    await say('export my data');
    await connector.waitFor(/activities/, 3);
    const path = new URL((connector.sentCards().at(-1)!.actions as { url: string }[])[0]!.url).pathname;
    await fetch(`${test.url}${path}`);

    const used = await fetch(`${test.url}${path}`);
    clock.advance(11 * 60_000);
    const expired = await fetch(`${test.url}${path}`);
    for (const [response, said] of [[used, /already used/], [expired, /expired/]] as const) {
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/, 'a browser shows it as text, not JSON');
      const text = await response.text();
      assert.match(text, said);
      assert.match(text, /type "export my data"/);
      assert.match(text, /« exporter mes données »/);
    }
  });
});
