import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { DeliveryStack } from '../../src/compose-delivery';
import type { Session } from '../../src/domain/catalog';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeGraph } from '../fakes/graph';
import { FakeTokenEndpoint } from '../fakes/token-endpoint';
import { TEST_TENANT } from '../helpers/activities';
import { DeliveryRig, eventually } from '../helpers/delivery-rig';

const BOT_ID = '0b0b0b0b-1111-2222-3333-444444444444';
const TEAMS_APP_ID = 'a1a1a1a1-0000-4000-8000-000000000001';

/** Chat, feed and recovery through the app installation, with BOT_ID set: real MSAL, botbuilder and Graph clients. */
describe('delivery channels with Graph', function () {
  this.timeout(30_000);
  let token: FakeTokenEndpoint;
  let connector: FakeBotConnector;
  let graph: FakeGraph;
  let rig: DeliveryRig;
  let session: Session;
  let instance: DeliveryStack;

  async function start(channel: 'chat' | 'feed' | 'auto'): Promise<void> {
    rig = await DeliveryRig.start({
      BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID: TEST_TENANT, TEAMS_APP_ID,
      AUTHORITY_HOST: token.url, GRAPH_BASE_URL: graph.url, BOT_SERVICE_URL: connector.url,
      NOTIFY_CHANNEL: channel, DELIVERY_RETRY_BASE: '50ms', DELIVERY_MAX_ATTEMPTS: '3', LOG_LEVEL: process.env.DEBUG_LOG ?? 'warn',
    });
    // Ten minutes ahead: inside the last default offset, so each booking gets one "starting soon" now.
    session = await rig.addSession('s-1', new Date(Date.now() + 10 * 60_000));
    instance = rig.instance('graph-test');
  }

  beforeEach(async () => {
    token = await new FakeTokenEndpoint().start();
    connector = await new FakeBotConnector().start();
    graph = await new FakeGraph(TEAMS_APP_ID).start();
  });
  afterEach(async () => {
    await instance?.scheduler.stop();
    await rig?.close();
    await Promise.all([token.stop(), connector.stop(), graph.stop()]);
  });

  const enqueueFor = async (userId: string, withConversation: boolean) => {
    const person = { userId, tenantId: TEST_TENANT };
    if (withConversation) await rig.addPerson(userId, connector.url);
    await instance.planner.bookingConfirmed(person, session);
    return person;
  };
  const summary = () => rig.store.deliveryAdmin.summary(new Date());

  it('sends with a connector token from AUTHORITY_HOST/BOT_TENANT_ID, fetched once and reused', async () => {
    await start('chat');
    await rig.seedDueReminders(1, session, connector.url, 'first');
    instance.scheduler.start();
    await eventually(() => connector.delivered.length === 1);
    await rig.seedDueReminders(3, session, connector.url, 'later');
    await eventually(() => connector.delivered.length === 4);
    const requests = token.tokenRequests('https://api.botframework.com/.default');
    assert.equal(requests.length, 1);
    assert.ok(requests[0]!.path.startsWith(`/${TEST_TENANT}/oauth2/v2.0/token`));
    assert.ok(connector.requestsTo(/activities/).every((r) => r.headers.authorization === 'Bearer fake-token-1'));
  });

  for (const [name, refusal] of [
    ['403 BotNotInConversationRoster', { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'not in roster' } } }],
    ['403 MessageWritesBlocked', { status: 403, body: { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked' } } }],
    ['404 ConversationNotFound', { status: 404, body: { error: { code: 'ConversationNotFound' } } }],
  ] as const) {
    it(`recovers from ${name}: installs the app through Graph and writes to its chat, storing no ids`, async () => {
      await start('chat');
      const person = await enqueueFor('u-alex', true);
      connector.refuse('a:conv-u-alex', refusal);
      instance.scheduler.start();
      await eventually(() => connector.delivered.length === 1);
      assert.equal(connector.delivered[0]!.conversationId, graph.chatIdOf(person.userId));
      assert.equal(graph.installRequests().length, 1);
      assert.ok(graph.isInstalled(person.userId));
      await eventually(async () => (await summary()).done === 1);
      const files = fs.readdirSync(rig.config.dataDir).map((file) => fs.readFileSync(`${rig.config.dataDir}/${file}`, 'utf8')).join('\n');
      assert.doesNotMatch(files, /installation-|unq\.gbl\.spaces/, 'installation and chat ids are never stored');
    });
  }

  it('writes to the installation chat without installing again when the app is there', async () => {
    await start('chat');
    const person = await enqueueFor('u-blair', false);
    graph.installFor(person.userId);
    instance.scheduler.start();
    await eventually(() => connector.delivered.length === 1);
    assert.equal(graph.installRequests().length, 0);
  });

  it('dead-letters, once and with the reason, a person who blocked the app', async () => {
    await start('chat');
    const person = await enqueueFor('u-casey', true);
    connector.refuse('a:conv-u-casey', { status: 403, body: { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked' } } });
    connector.refuse(graph.chatIdOf(person.userId), { status: 403, body: { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked' } } });
    instance.scheduler.start();
    await eventually(async () => (await summary()).dead === 1);
    await instance.scheduler.stop(); // lets any send still in flight land before we count
    const [dead] = await rig.store.deliveryAdmin.list('dead', new Date());
    assert.match(dead!.lastError!, /BLOCKED: .*blocked the app/);
    assert.equal(dead!.attempts, 1, 'not retried');
    assert.equal(connector.requestsTo(/activities/).length, 2, 'the stored chat, then the installation chat; nothing more');
  });

  it('notifies through the activity feed with a declared activity type and a link back to the app, never by chat too', async () => {
    await start('feed');
    const person = await enqueueFor('u-dana', true);
    instance.scheduler.start();
    await eventually(() => graph.notifications().length > 0 && graph.notifications().some((n) => n.userId === person.userId && graph.isInstalled(person.userId)));
    await eventually(async () => (await summary()).done === 1);
    const sent = graph.notifications().at(-1)!.body as { activityType: string; topic: { source: string; webUrl: string }; previewText: { content: string } };
    assert.equal(sent.activityType, 'sessionReminder');
    assert.deepEqual([sent.topic.source, sent.topic.webUrl], ['text', `https://teams.microsoft.com/l/app/${TEAMS_APP_ID}`]);
    assert.match(sent.previewText.content, /"Breathe s-1" is starting soon/);
    assert.equal(connector.requestsTo(/activities/).length, 0);
    assert.equal(token.tokenRequests('/.default').length, 1, 'one Graph token, cached');
  });

  it('in auto mode uses the chat when a conversation is known and the feed otherwise', async () => {
    await start('auto');
    await enqueueFor('u-known', true);
    const unknown = await enqueueFor('u-unknown', false);
    graph.installFor(unknown.userId);
    instance.scheduler.start();
    await eventually(async () => (await summary()).done === 2);
    assert.deepEqual(connector.delivered.map((d) => d.conversationId), ['a:conv-u-known']);
    assert.deepEqual(graph.notifications().map((n) => n.userId), ['u-unknown']);
  });
});
