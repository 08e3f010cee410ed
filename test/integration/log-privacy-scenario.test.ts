import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import type { HttpFake } from '../fakes/http-fake';
import { FakeIntercom } from '../fakes/intercom';
import { FakeTokenEndpoint } from '../fakes/token-endpoint';
import { ALEX, installActivity, invokeActivity, messageActivity, TEST_TENANT } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { cardAction, graphClientFor, graphUsers, profileOf } from '../helpers/privacy';

const BOT_ID = 'bbbbbbbb-0000-0000-0000-00000000b0d1';
const SECRETS = { BOT_PASSWORD: 'bot-password-value-123', INTERCOM_TOKEN: 'intercom-token-value-456' };

/**
 * The whole journey with Graph and Intercom on, then a scan of every line the app logged for the
 * personal data and secrets it handled.
 */
describe('no personal data in logs', () => {
  let connector: FakeBotConnector;
  let intercom: FakeIntercom;
  let graph: HttpFake;
  let authority: FakeTokenEndpoint;
  let test: TestApp;

  before(async () => {
    connector = await new FakeBotConnector().start();
    intercom = await new FakeIntercom().start();
    graph = await graphUsers(new Map([[ALEX.aadObjectId, profileOf(ALEX, 'alex.wilber@contoso.com')]])).start();
    authority = await new FakeTokenEndpoint().start();
    test = await startTestApp(
      {
        BOT_ID, BOT_TENANT_ID: TEST_TENANT, ALLOW_UNAUTHENTICATED_REQUESTS: 'true', AUTHORITY_HOST: authority.url, GRAPH_BASE_URL: graph.url,
        INTERCOM_BASE_URL: intercom.url, LOG_LEVEL: 'info', SCHEDULER_ENABLED: 'false', ...SECRETS,
      },
      undefined,
      { graphClient: graphClientFor(graph) },
    );
  });
  after(async () => {
    await test.stop();
    await Promise.all([connector.stop(), intercom.stop(), graph.stop(), authority.stop()]);
  });

  it('logs no e-mail, name, token or message text through install, search, booking, a reminder, recommendations, export and forget', async () => {
    const options = { serviceUrl: connector.url };
    const post = (body: Record<string, unknown>) => postJson(`${test.url}/api/messages`, { ...body, deliveryMode: 'expectReplies' });
    await post(installActivity(options));
    await post(messageActivity('I feel anxious about my manager Mr Okonkwo', options));
    await post(invokeActivity('composeExtension/query', { commandId: 'searchSessions', parameters: [{ name: 'query', value: 'burnout Okonkwo' }], queryOptions: { skip: 0, count: 25 } }, options));
    await post(invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'session.book', data: { sessionId: 's-101' } }, trigger: 'manual' }, options));
    await post(messageActivity('my sessions', options));
    // The reminder 15 minutes before s-101 (the first demo session, the day after the clock's day at 08:00 UTC).
    test.clock.set('2026-12-02T07:50:00Z');
    await test.app.delivery.scheduler.drainOnce();
    const reminder = connector.sentCards().find((card) => JSON.stringify(card).includes('Reminder: your session starts in 10 minutes'));
    assert.ok(reminder, 'the reminder went out through the scenario');
    await post(messageActivity('recommend', options));
    intercom.goDown(); // the failure path logs too
    await post(messageActivity('help', { ...options, user: { ...ALEX, id: '29:alex-2', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000a2' } }));
    intercom.recover();
    const exported = await post(messageActivity('export my data', options));
    const link = JSON.stringify(exported.body).match(/\/privacy\/export\/([\w-]+\.[\w-]+)/)![1]!;
    assert.equal((await fetch(`${test.url}/privacy/export/${link}`)).status, 200);
    await fetch(`${test.url}/privacy/export/${link}`);
    await post(invokeActivity('adaptiveCard/action', cardAction('privacy.forget.confirm'), options));
    await post({ ...messageActivity('help', options), channelData: { tenant: { id: '99999999-0000-0000-0000-000000000000' } } });
    await test.app.privacy.personSync.idle();

    const logged = test.logs.lines.map((line) => JSON.stringify(line)).join('\n');
    assert.ok(test.logs.lines.length > 10, 'the scenario did log');
    const needles = ['alex.wilber@contoso.com', 'contoso.com', 'Alex', 'Wilber', 'Okonkwo', 'anxious', link, 'graph-test-token', 'fake-token-', ...Object.values(SECRETS)];
    assert.deepEqual(needles.filter((needle) => logged.includes(needle)), []);
  });
});
