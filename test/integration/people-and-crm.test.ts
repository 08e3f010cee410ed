import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import type { HttpFake } from '../fakes/http-fake';
import { FakeIntercom } from '../fakes/intercom';
import { ALEX, BLAIR, messageActivity, TEST_TENANT } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { FixedClock } from '../helpers/clock';
import { filesMentioning, graphClientFor, graphUsers, liveDocuments, profileOf, type Profile } from '../helpers/privacy';

const BOT_ID = 'bbbbbbbb-0000-0000-0000-00000000b0d1';
/** The compliance statement: Intercom receives first name, last name and e-mail only (plus our opaque id and the contact role). */
const ALLOWED_INTERCOM_FIELDS = new Set(['role', 'external_id', 'email', 'name']);

describe('people: user records from Graph and the Intercom contact', () => {
  let connector: FakeBotConnector;
  let intercom: FakeIntercom;
  let graph: HttpFake;
  let profiles: Map<string, Profile>;
  let test: TestApp;
  let clock: FixedClock;

  const start = async (extra: Record<string, string> = {}) => {
    test = await startTestApp(
      {
        BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID: TEST_TENANT, ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
        AUTHORITY_HOST: 'https://127.0.0.1:9', GRAPH_BASE_URL: graph.url, INTERCOM_TOKEN: 'intercom-test-token', INTERCOM_BASE_URL: intercom.url, ...extra,
      },
      clock,
      { graphClient: graphClientFor(graph) },
    );
  };
  /** expectReplies: the answer comes back in the HTTP body (no outbound token needed with BOT_ID set). */
  const say = async (text: string, user = ALEX) => {
    const response = await postJson(`${test.url}/api/messages`, { ...messageActivity(text, { serviceUrl: connector.url, user }), deliveryMode: 'expectReplies' });
    await test.app.privacy.personSync.idle();
    return response;
  };

  beforeEach(async () => {
    clock = new FixedClock();
    connector = await new FakeBotConnector().start();
    intercom = await new FakeIntercom().start();
    profiles = new Map([[ALEX.aadObjectId, profileOf(ALEX, 'alex@contoso.com')], [BLAIR.aadObjectId, profileOf(BLAIR, 'blair@contoso.com')]]);
    graph = await graphUsers(profiles).start();
  });
  afterEach(async function () {
    await test?.stop();
    // Whatever the test did: no roster read, and nothing but the allowed fields reached Intercom.
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(connector.rosterCalls(), []);
      for (const body of intercom.sentBodies()) assert.deepEqual(Object.keys(body).filter((key) => !ALLOWED_INTERCOM_FIELDS.has(key)), [], JSON.stringify(body));
    }
    await Promise.all([connector.stop(), intercom.stop(), graph.stop()]);
  });

  it('records a person on first sight with object id, tenant and the e-mail from Graph, and no name', async () => {
    await start();
    assert.equal((await say('help')).status, 200);
    const [user, ...others] = liveDocuments(test.dataDir, 'users');
    assert.equal(others.length, 0);
    assert.deepEqual(Object.keys(user!).sort(), ['_id', 'createdAt', 'email', 'preferences', 'tenantId']);
    assert.equal(user!._id, ALEX.aadObjectId);
    assert.equal(user!.tenantId, TEST_TENANT);
    assert.equal(user!.email, 'alex@contoso.com');
    assert.deepEqual(filesMentioning(test.dataDir, ['Alex', 'Wilber']), []);
    const [lookup] = graph.requestsTo(/\/v1\.0\/users\//);
    assert.match(decodeURIComponent(lookup!.path), /\$select=givenName,surname,displayName,mail/);
  });

  it('answers the person when Graph hangs, recording them without an e-mail until a later activity', async () => {
    await start();
    graph.failNext(1, { status: 200, body: { mail: 'late@contoso.com' }, delayMs: 30_000 }, /\/v1\.0\/users\//);
    const response = await say('help');
    assert.equal(response.status, 200);
    assert.match(JSON.stringify(response.body), /What I can do/);
    const [user] = liveDocuments(test.dataDir, 'users');
    assert.equal(user!.email, undefined);
    assert.equal((await say('help')).status, 200);
    assert.equal(liveDocuments(test.dataDir, 'users')[0]!.email, 'alex@contoso.com', 'the next activity reads it');
  });

  it('creates the Intercom contact with first and last name, e-mail and an opaque id', async () => {
    await start();
    await say('help');
    const [created] = intercom.requestsTo(/^\/contacts$/, 'POST');
    const body = created!.body as Record<string, string>;
    assert.equal(body.email, 'alex@contoso.com');
    assert.equal(body.name, 'Alex Wilber');
    assert.equal(body.role, 'user');
    assert.doesNotMatch(body.external_id!, new RegExp(`${ALEX.aadObjectId}|${TEST_TENANT}`), 'the external id reveals no Entra id');
    assert.equal(created!.headers.authorization, 'Bearer intercom-test-token');
  });

  it('reads Graph once per person for a while and calls Intercom only when something changed', async () => {
    await start();
    for (const text of ['help', 'hello', 'help']) await say(text);
    await say('help', BLAIR);
    assert.equal(graph.requestsTo(new RegExp(ALEX.aadObjectId)).length, 1);
    assert.equal(intercom.requestsTo(/^\/contacts$/, 'POST').length, 2, 'one contact per person');
  });

  it('updates the contact when the e-mail in the directory changes', async () => {
    await start();
    await say('help');
    profiles.set(ALEX.aadObjectId, profileOf(ALEX, 'alex.wilber@contoso.com'));
    clock.advance(11 * 60_000);
    await say('help');
    assert.equal(liveDocuments(test.dataDir, 'users')[0]!.email, 'alex.wilber@contoso.com');
    const [update] = intercom.requestsTo(/^\/contacts\/[^/]+$/, 'PUT');
    assert.equal((update!.body as Record<string, string>).email, 'alex.wilber@contoso.com');
    assert.equal(intercom.contacts.size, 1);
  });

  it('answers at once when Intercom is down, and syncs later through the delivery queue', async () => {
    await start();
    intercom.goDown();
    const response = await say('help');
    assert.equal(response.status, 200);
    assert.equal((response.body as { activities: unknown[] }).activities.length, 1, 'the person got their answer');
    assert.deepEqual(liveDocuments(test.dataDir, 'deliveries').map((d) => (d.payload as { kind: string }).kind), ['crm.sync']);
    intercom.recover();
    clock.advance(2 * 60_000);
    assert.equal(await test.app.privacy.worker.runDue(), 1);
    assert.equal([...intercom.contacts.values()][0]!.email, 'alex@contoso.com');
    assert.deepEqual(liveDocuments(test.dataDir, 'deliveries'), []);
  });

  it('keeps the record without an e-mail when Graph fails, and fills it on a later activity', async () => {
    await start();
    graph.failNext(1, { status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    assert.equal((await say('help')).status, 200);
    assert.equal(liveDocuments(test.dataDir, 'users')[0]!.email, undefined);
    await say('help');
    assert.equal(liveDocuments(test.dataDir, 'users')[0]!.email, 'alex@contoso.com');
  });

  it('never believes an e-mail the activity offers when Graph is the source', async () => {
    await start();
    profiles.delete(ALEX.aadObjectId); // unknown to the directory
    const base = messageActivity('help', { serviceUrl: connector.url });
    await postJson(`${test.url}/api/messages`, { ...base, from: { ...(base.from as object), email: 'someone.else@fabrikam.example' }, deliveryMode: 'expectReplies' });
    await test.app.privacy.personSync.idle();
    assert.equal(liveDocuments(test.dataDir, 'users')[0]!.email, undefined);
    assert.equal(intercom.requests.length, 0, 'nobody to sync without a known e-mail');
  });

  it('with no Intercom token, syncs nothing and says so once', async () => {
    await start({ INTERCOM_TOKEN: '' });
    await say('help');
    await say('help', BLAIR);
    assert.equal(intercom.requests.length, 0);
    assert.equal(test.logs.lines.filter((line) => /INTERCOM_TOKEN is not set/.test(String(line.msg))).length, 1);
  });
});
