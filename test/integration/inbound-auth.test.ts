import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeOpenIdProvider } from '../fakes/openid';
import { FakeTokenEndpoint } from '../fakes/token-endpoint';
import { installActivity, invokeActivity, messageActivity, TEST_TENANT } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { assertStoreUnchanged, snapshotStore } from '../helpers/store-snapshot';

const BOT_ID = 'bbbbbbbb-0000-0000-0000-00000000b0d1';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';

describe('inbound authentication and the single tenant', () => {
  let openid: FakeOpenIdProvider;
  let connector: FakeBotConnector;
  let test: TestApp;

  const start = async (extra: Record<string, string> = {}) => {
    test = await startTestApp({
      BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID: TEST_TENANT,
      BOT_OPENID_METADATA_URL: openid.botFrameworkMetadataUrl,
      // Outbound calls are not under test here: every external root points at a closed loopback port.
      AUTHORITY_HOST: 'https://127.0.0.1:9', GRAPH_BASE_URL: 'http://127.0.0.1:9',
      ...extra,
    });
  };
  /** expectReplies: the answer comes back in the HTTP body, so no outbound token is needed. */
  const help = (tenantId = TEST_TENANT) => ({ ...messageActivity('help', { serviceUrl: connector.url, tenantId }), deliveryMode: 'expectReplies' });
  const send = async (body: unknown, token?: string) => postJson(`${test.url}/api/messages`, body, token === undefined ? {} : { authorization: `Bearer ${token}` });

  before(async () => {
    openid = await (await new FakeOpenIdProvider().start()).init();
  });
  after(async () => openid.stop());
  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
  });
  afterEach(async () => {
    await test?.stop();
    await connector.stop();
  });

  describe('with BOT_ID set', () => {
    beforeEach(async () => start());

    it('serves an activity whose Bot Connector token is valid', async () => {
      const response = await send(help(), await openid.botConnectorToken(BOT_ID, connector.url));
      assert.equal(response.status, 200);
      assert.equal((response.body as { activities: unknown[] }).activities.length, 1);
    });

    for (const [label, token] of [
      ['no token', async () => undefined],
      ['an expired token', async () => openid.botConnectorToken(BOT_ID, connector.url, { expiresIn: -3600 })],
      ['a token for another bot', async () => openid.botConnectorToken('cccccccc-0000-0000-0000-000000000000', connector.url)],
      ['a token from another issuer', async () => openid.botConnectorToken(BOT_ID, connector.url, { claims: { iss: 'https://issuer.invalid' } })],
      ['a token signed with an unpublished key', async () => openid.botConnectorToken(BOT_ID, connector.url, { foreignKey: true })],
      ['a token for another service URL', async () => openid.botConnectorToken(BOT_ID, 'https://smba.invalid/teams/')],
      ['a garbled token', async () => 'not.a.jwt'],
    ] as const) {
      it(`answers 401 to ${label} and writes nothing`, async () => {
        const before = snapshotStore(test.dataDir);
        const response = await send(help(), await token());
        assert.equal(response.status, 401);
        assert.deepEqual(connector.requests, []);
        assertStoreUnchanged(test.dataDir, before);
      });
    }

    it('answers 403 to a validly signed activity from another tenant and writes nothing', async () => {
      const token = await openid.botConnectorToken(BOT_ID, connector.url);
      const before = snapshotStore(test.dataDir);
      for (const body of [
        help(OTHER_TENANT),
        { ...help(), channelData: { tenant: { id: OTHER_TENANT } } },
        { ...help(), conversation: { id: 'a:x', conversationType: 'personal', tenantId: OTHER_TENANT } },
        { ...help(), channelData: {}, conversation: { id: 'a:x', conversationType: 'personal' } },
        { ...installActivity({ serviceUrl: connector.url, tenantId: OTHER_TENANT }) },
        invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'session.book', data: { sessionId: 's-101' } } }, { serviceUrl: connector.url, tenantId: OTHER_TENANT }),
      ]) {
        const response = await send(body, token);
        assert.equal(response.status, 403, JSON.stringify(body).slice(0, 120));
      }
      assert.deepEqual(connector.requests, []);
      assertStoreUnchanged(test.dataDir, before);
    });

    it('accepts the tenant id in any letter case', async () => {
      const response = await send(help(TEST_TENANT.toUpperCase()), await openid.botConnectorToken(BOT_ID, connector.url));
      assert.equal(response.status, 200);
    });
  });

  describe('with ALLOW_UNAUTHENTICATED_REQUESTS=true', () => {
    beforeEach(async () => start({ ALLOW_UNAUTHENTICATED_REQUESTS: 'true' }));

    it('serves an activity without a token', async () => {
      assert.equal((await send(help())).status, 200);
    });

    it('still refuses another tenant with 403 and writes nothing', async () => {
      const before = snapshotStore(test.dataDir);
      assert.equal((await send(help(OTHER_TENANT))).status, 403);
      assertStoreUnchanged(test.dataDir, before);
    });

    it('still signs what it sends to the Bot Connector with a token from the authority', async () => {
      const authority = await new FakeTokenEndpoint().start();
      try {
        await test.stop();
        await start({ ALLOW_UNAUTHENTICATED_REQUESTS: 'true', AUTHORITY_HOST: authority.url });
        const response = await send({ ...help(), deliveryMode: undefined });
        assert.equal(response.status, 200);
        const [reply] = await connector.waitFor(/activities/);
        assert.equal(authority.tokenRequests('https://api.botframework.com/.default').length, 1, 'a Bot Connector token from AUTHORITY_HOST');
        assert.match(String(reply!.headers.authorization), /^Bearer fake-token-\d+$/);
      } finally {
        await authority.stop();
      }
    });
  });
});
