import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import type { HttpFake } from '../fakes/http-fake';
import { FakeIntercom } from '../fakes/intercom';
import { FakeOpenIdProvider, type TokenOptions } from '../fakes/openid';
import { ALEX, messageActivity, TEST_TENANT } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { filesMentioning, graphClientFor, graphUsers, liveDocuments, profileOf } from '../helpers/privacy';
import { assertStoreUnchanged, snapshotStore } from '../helpers/store-snapshot';

const BOT_ID = 'bbbbbbbb-0000-0000-0000-00000000b0d1';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const CATALOG = { sessions: [], courses: [{ id: 'c-new', title: 'Breathing basics', description: 'Ten calm minutes', topics: ['stress'], durationMinutes: 10, language: 'en', url: 'https://learn.example.com/c-new' }] };

describe('the provider web API (/api/admin)', () => {
  let openid: FakeOpenIdProvider;
  let connector: FakeBotConnector;
  let intercom: FakeIntercom;
  let graph: HttpFake;
  let test: TestApp;

  const token = (roles: string[], options: TokenOptions = {}) => openid.entraAccessToken(TEST_TENANT, BOT_ID, roles, options);
  const call = async (method: 'GET' | 'POST', path: string, bearer?: string, body?: unknown) => {
    const response = await fetch(`${test.url}${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, headers: response.headers };
  };

  before(async () => {
    openid = await (await FakeOpenIdProvider.https().start()).init();
  });
  after(async () => openid.stop());
  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
    intercom = await new FakeIntercom().start();
    graph = await graphUsers(new Map([[ALEX.aadObjectId, profileOf(ALEX, 'alex@contoso.com')]])).start();
    test = await startTestApp(
      {
        BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID: TEST_TENANT, ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
        AUTHORITY_HOST: openid.url, GRAPH_BASE_URL: graph.url, INTERCOM_TOKEN: 'intercom-test-token', INTERCOM_BASE_URL: intercom.url,
      },
      undefined,
      { graphClient: graphClientFor(graph) },
    );
    await postJson(`${test.url}/api/messages`, { ...messageActivity('help', { serviceUrl: connector.url }), deliveryMode: 'expectReplies' });
    await test.app.privacy.personSync.idle();
  });
  afterEach(async () => {
    await test.stop();
    await Promise.all([connector.stop(), intercom.stop(), graph.stop()]);
  });

  it('serves the aggregate report to a caller with Reports.Read', async () => {
    const response = await call('GET', '/api/admin/report', await token(['Reports.Read']));
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { minGroupSize: 5, rows: [] });
  });

  it('imports a catalogue for Catalog.Manage, with the import command\'s validation', async () => {
    const imported = await call('POST', '/api/admin/catalog', await token(['Catalog.Manage']), CATALOG);
    assert.equal(imported.status, 200);
    assert.deepEqual(imported.body!.courses, { accepted: 1, rejected: 0 });
    const rejected = await call('POST', '/api/admin/catalog', await token(['Catalog.Manage']), { courses: [{ id: 'c-bad' }] });
    assert.equal(rejected.status, 200);
    assert.ok((rejected.body!.problems as { path: string }[]).some((problem) => problem.path === 'courses[0].title'));
    assert.equal((await call('POST', '/api/admin/catalog', await token(['Catalog.Manage']), { sessions: 'nope' })).status, 400);
  });

  it('exports and forgets a person by e-mail for Privacy.Manage', async () => {
    const privacy = await token(['Privacy.Manage']);
    const exported = await call('POST', '/api/admin/export', privacy, { email: 'alex@contoso.com' });
    assert.equal(exported.status, 200);
    assert.equal((exported.body!.data as { users: { email: string } }).users.email, 'alex@contoso.com');
    assert.equal((await call('POST', '/api/admin/export', privacy, { email: 'nobody@contoso.com' })).status, 404);
    assert.equal((await call('POST', '/api/admin/forget', privacy, { email: 'not an address' })).status, 400);

    const forgotten = await call('POST', '/api/admin/forget', privacy, { email: 'alex@contoso.com' });
    assert.equal(forgotten.status, 200);
    assert.equal(forgotten.body!.status, 'completed');
    assert.deepEqual(filesMentioning(test.dataDir, [ALEX.aadObjectId, 'alex@contoso.com']), []);
    assert.equal(intercom.contacts.size, 0);
    assert.ok(liveDocuments(test.dataDir, 'audit').some((entry) => entry.action === 'erasure.completed' && entry.actor === 'admin-api'));
  });

  it('refuses a missing, expired, foreign, misaddressed or forged token with 401, and a missing role with 403, doing nothing', async () => {
    const refusals: [string, Promise<string | undefined>, number][] = [
      ['no token', Promise.resolve(undefined), 401],
      ['an expired token', token(['Privacy.Manage', 'Catalog.Manage', 'Reports.Read'], { expiresIn: -3600 }), 401],
      ['a token for another app', token(['Privacy.Manage', 'Catalog.Manage', 'Reports.Read'], { claims: { aud: 'api://botid-cccccccc-0000-0000-0000-000000000000' } }), 401],
      ['a token from another tenant', openid.entraAccessToken(OTHER_TENANT, BOT_ID, ['Privacy.Manage', 'Catalog.Manage', 'Reports.Read']), 401],
      ['a token naming another tenant', token(['Privacy.Manage', 'Catalog.Manage', 'Reports.Read'], { claims: { tid: OTHER_TENANT } }), 401],
      ['a token signed with another key', token(['Privacy.Manage', 'Catalog.Manage', 'Reports.Read'], { foreignKey: true }), 401],
      ['a token without the role', token(['Something.Else']), 403],
    ];
    const before = snapshotStore(test.dataDir);
    for (const [label, pending, expected] of refusals) {
      const bearer = await pending;
      for (const [method, path, body] of [['GET', '/api/admin/report'], ['POST', '/api/admin/catalog', CATALOG], ['POST', '/api/admin/forget', { email: 'alex@contoso.com' }], ['POST', '/api/admin/export', { email: 'alex@contoso.com' }]] as const) {
        const response = await call(method, path, bearer, body);
        assert.equal(response.status, expected, `${label}: ${method} ${path}`);
        assert.equal(JSON.stringify(response.body).includes('alex'), false);
        if (expected === 401) assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    }
    assertStoreUnchanged(test.dataDir, before, 'a refused call changed the store');
    assert.equal(intercom.requestsTo(/^\/contacts\/[^/]+$/, 'DELETE').length, 0);
  });

  it('each role opens only its own routes', async () => {
    const reports = await token(['Reports.Read']);
    assert.equal((await call('POST', '/api/admin/forget', reports, { email: 'alex@contoso.com' })).status, 403);
    assert.equal((await call('POST', '/api/admin/catalog', await token(['Privacy.Manage']), CATALOG)).status, 403);
    assert.equal((await call('GET', '/api/admin/report', await token(['Catalog.Manage']))).status, 403);
  });

  it('does not exist in local mode', async () => {
    const local = await startTestApp();
    try {
      assert.equal((await fetch(`${local.url}/api/admin/report`, { headers: { authorization: `Bearer ${await token(['Reports.Read'])}` } })).status, 404);
    } finally {
      await local.stop();
    }
  });
});
