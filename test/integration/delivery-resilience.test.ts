import assert from 'node:assert/strict';
import type { Session } from '../../src/domain/catalog';
import { FakeBotConnector } from '../fakes/bot-connector';
import { DeliveryRig, eventually } from '../helpers/delivery-rig';

/** The real scheduler, bot sender and limiter against the loopback Bot Connector; the system clock. */
describe('proactive delivery under contention and failure', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let rig: DeliveryRig;
  let session: Session;

  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
    rig = await DeliveryRig.start({ DELIVERY_RETRY_BASE: '50ms', DELIVERY_RETRY_MAX: '500ms' });
    session = await rig.addSession('s-1', new Date(Date.now() + 2 * 3_600_000));
  });
  afterEach(async () => {
    await rig.close();
    await connector.stop();
  });

  const allDelivered = (count: number) => eventually(() => connector.deliveredPerConversation().size === count, 30_000, `${count} conversations served`);
  const duplicates = () => [...connector.deliveredPerConversation().values()].filter((n) => n > 1).length;

  it('never delivers an item twice when two scheduler instances share one store', async () => {
    await rig.seedDueReminders(300, session, connector.url);
    const [a, b] = [rig.instance('instance-a'), rig.instance('instance-b')];
    a.scheduler.start();
    b.scheduler.start();
    await allDelivered(300);
    // Stopping waits for every send in flight, so a late duplicate lands before we count.
    await Promise.all([a.scheduler.stop(), b.scheduler.stop()]);
    assert.equal(duplicates(), 0);
    assert.equal(connector.delivered.length, 300);
    assert.equal((await rig.store.deliveryAdmin.summary(new Date())).done, 300);
  });

  it('delivers every item through a storm of 429s, honouring Retry-After, and shows nobody an error', async () => {
    await rig.seedDueReminders(60, session, connector.url);
    connector.failNext(90, { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests' } } }, /\/activities/);
    const instance = rig.instance('storm');
    instance.scheduler.start();
    await allDelivered(60);
    await instance.scheduler.stop();
    assert.equal(duplicates(), 0);
    const summary = await rig.store.deliveryAdmin.summary(new Date());
    assert.deepEqual([summary.done, summary.dead], [60, 0]);
    const cards = connector.delivered.map(({ activity }) => JSON.stringify(activity.attachments));
    assert.ok(cards.every((card) => /Reminder: your session starts in 15 minutes/.test(card)), 'every card is the reminder');
    assert.ok(cards.every((card) => !/TooManyRequests|throttl|rate limit|try again/i.test(card)), 'no card mentions throttling');
  });

  it('delivers every item through a burst of 503s', async () => {
    await rig.seedDueReminders(40, session, connector.url);
    connector.failNext(60, { status: 503, body: { error: { code: 'ServiceUnavailable' } } }, /\/activities/);
    const instance = rig.instance('burst');
    instance.scheduler.start();
    await allDelivered(40);
    await instance.scheduler.stop();
    assert.equal(duplicates(), 0);
    assert.equal((await rig.store.deliveryAdmin.summary(new Date())).dead, 0);
  });
});
