import assert from 'node:assert/strict';
import type { Session } from '../../src/domain/catalog';
import { readLockHolder } from '../../src/store/embedded/data-dir-lock';
import { FakeBotConnector } from '../fakes/bot-connector';
import { ALEX, BLAIR, invokeActivity, messageActivity, TEST_TENANT, type TestUser } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { act, sessionRecord } from '../helpers/booking';
import { FixedClock } from '../helpers/clock';

const START = new Date('2026-12-03T12:00:00Z');
const H = 3_600_000;
const M = 60_000;
const person = (user: TestUser) => ({ userId: user.aadObjectId, tenantId: TEST_TENANT });
type Card = { body: { text?: string; id?: string; value?: string; choices?: unknown[] }[]; actions?: { type: string; title: string; verb?: string; url?: string; data?: unknown }[]; version: string };

/**
 * Reminders and notices end to end: the real app over HTTP, people booking through the card's
 * Universal Actions, the scheduler drained by hand on a fixed clock.
 */
describe('reminders and notices', () => {
  let connector: FakeBotConnector;
  let test: TestApp;
  let clock: FixedClock;
  let session: Session;

  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
    clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
    test = await startTestApp({ SCHEDULER_ENABLED: 'false' }, clock);
    // One seat: the first to book gets it, the next one waits.
    const record = sessionRecord('s-r1', { startsAt: START.toISOString(), capacity: 1 });
    await importCatalog([record]);
    session = { ...(record as unknown as Session), startsAt: START, status: 'scheduled' };
    for (const user of [ALEX, BLAIR]) await say('help', user);
    connector.requests.length = 0;
    connector.delivered.length = 0;
  });
  afterEach(async () => {
    await test.stop();
    await connector.stop();
  });

  async function cardAction(verb: 'session.book' | 'session.cancel', user: TestUser, locale = 'en-US') {
    const response = await act(test, verb, { sessionId: 's-r1' }, { user, serviceUrl: connector.url, locale });
    assert.equal(response.body.statusCode, 200, JSON.stringify(response.body).slice(0, 300));
  }
  async function say(text: string, user: TestUser = ALEX, locale = 'en-US') {
    const before = connector.sentActivities().length;
    await postJson(`${test.url}/api/messages`, messageActivity(text, { serviceUrl: connector.url, user, locale }));
    await connector.waitFor(/activities/, before + 1);
  }
  async function importCatalog(sessions: Record<string, unknown>[]) {
    const { secret } = readLockHolder(test.dataDir)!;
    const response = await postJson(`${test.url}/internal/catalog/import`, { sessions }, { authorization: `Bearer ${secret}` });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  }
  async function drainAt(at: Date): Promise<Card[]> {
    clock.set(at);
    const before = connector.delivered.length;
    await test.app.delivery.scheduler.drainOnce();
    return connector.delivered.slice(before).map(({ activity }) => (activity.attachments as { content: Card }[])[0]!.content);
  }
  const title = (card: Card) => card.body[0]!.text;

  it('reminds a booked person a day and 15 minutes before, with Join, Cancel and Add to calendar', async () => {
    await cardAction('session.book', ALEX);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 25 * H)), [], 'nothing before it is due');
    const [dayBefore, ...others] = await drainAt(new Date(START.getTime() - 24 * H));
    assert.equal(others.length, 0);
    assert.equal(title(dayBefore!), 'Reminder: your session starts in 1 day');
    assert.equal(dayBefore!.version, '1.5');
    assert.deepEqual(dayBefore!.actions!.map((a) => [a.type, a.title]), [['Action.OpenUrl', 'Join now'], ['Action.Execute', 'Cancel my booking'], ['Action.OpenUrl', 'Add to calendar']]);
    assert.deepEqual(dayBefore!.actions![1]!.data, { sessionId: 's-r1' });
    // The person's own signed links (PUBLIC_BASE_URL defaults to http://localhost:<PORT>; tests run on PORT=0).
    assert.match(dayBefore!.actions![0]!.url!, /^http:\/\/localhost:0\/r\/join\/s-r1\?t=/);
    assert.match(dayBefore!.actions![2]!.url!, /^http:\/\/localhost:0\/api\/sessions\/s-r1\/calendar\.ics\?t=/);
    assert.equal(connector.delivered[0]!.conversationId, `a:personal-${ALEX.id}`);
    assert.deepEqual((await drainAt(new Date(START.getTime() - 15 * M))).map(title), ['Reminder: your session starts in 15 minutes']);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 10 * M)), [], 'each reminder once');
  });

  it('plans the reminders again when a booked person presses Book once more (repairs reminders lost at booking)', async () => {
    await cardAction('session.book', ALEX);
    await test.app.delivery.planner.bookingCancelled(person(ALEX), 's-r1'); // as if queueing them had failed
    await cardAction('session.book', ALEX);
    assert.deepEqual((await drainAt(new Date(START.getTime() - 15 * M))).map(title).at(-1), 'Reminder: your session starts in 15 minutes');
  });

  it('says the time really left when a reminder goes out late (the app was down)', async () => {
    await cardAction('session.book', ALEX);
    const [late] = await drainAt(new Date(START.getTime() - 2 * H));
    assert.equal(title(late!), 'Reminder: your session starts in 2 hours');
  });

  it('reminds in the language of the person\'s Teams client', async () => {
    await say('aide', ALEX, 'fr-FR');
    await cardAction('session.book', ALEX, 'fr-FR');
    const [reminder] = await drainAt(new Date(START.getTime() - 24 * H));
    assert.equal(title(reminder!), 'Rappel : votre séance commence dans 1 jour');
  });

  it('sends nothing for a booking that was cancelled, even if its reminders were still queued', async () => {
    await cardAction('session.book', ALEX);
    await cardAction('session.cancel', ALEX);
    // Reminders queued for someone who holds no seat (as if a cancel's clean-up had been lost): checked at delivery.
    await test.app.delivery.planner.bookingConfirmed(person(BLAIR), session);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 15 * M)), []);
  });

  it('tells the first person waiting that the freed seat is theirs, then reminds them', async () => {
    await cardAction('session.book', ALEX);
    await cardAction('session.book', BLAIR);
    await cardAction('session.cancel', ALEX);
    const [promoted, ...others] = await drainAt(clock.now());
    assert.equal(others.length, 0);
    assert.equal(title(promoted!), 'A seat is yours');
    assert.equal(connector.delivered.at(-1)!.conversationId, `a:personal-${BLAIR.id}`);
    assert.deepEqual((await drainAt(new Date(START.getTime() - 24 * H))).map(title), ['Reminder: your session starts in 1 day']);
    assert.deepEqual((await drainAt(new Date(START.getTime() - 15 * M))).map(title), ['Reminder: your session starts in 15 minutes']);
    assert.deepEqual(connector.delivered.slice(-2).map((d) => d.conversationId), [`a:personal-${BLAIR.id}`, `a:personal-${BLAIR.id}`], 'only the promoted person is reminded');
  });

  it('tells booked and waitlisted people when the session moves, and the reminders follow the new time', async () => {
    await cardAction('session.book', ALEX);
    await cardAction('session.book', BLAIR);
    const moved = new Date(START.getTime() + 24 * H);
    await importCatalog([sessionRecord('s-r1', { startsAt: moved.toISOString(), capacity: 1 })]);
    const notices = await drainAt(clock.now());
    assert.deepEqual(notices.map(title), ['Your session has moved', 'Your session has moved']);
    assert.match(JSON.stringify(notices[0]), /It was planned for \{\{DATE\(2026-12-03T12:00:00Z, SHORT\)\}\}/, 'the old time in the reader\'s own time zone');
    assert.deepEqual(connector.delivered.map((d) => d.conversationId).sort(), [`a:personal-${ALEX.id}`, `a:personal-${BLAIR.id}`]);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 15 * M)), [], 'no reminder for the old time');
    assert.deepEqual((await drainAt(new Date(moved.getTime() - 24 * H))).map(title), ['Reminder: your session starts in 1 day']);
    assert.deepEqual((await drainAt(new Date(moved.getTime() - 15 * M))).map(title), ['Reminder: your session starts in 15 minutes']);
    assert.equal(connector.delivered.at(-1)!.conversationId, `a:personal-${ALEX.id}`);
  });

  it('tells everyone once when the session is cancelled, and no reminder follows', async () => {
    await cardAction('session.book', ALEX);
    await cardAction('session.book', BLAIR);
    await importCatalog([sessionRecord('s-r1', { startsAt: START.toISOString(), capacity: 1, status: 'cancelled' })]);
    await importCatalog([sessionRecord('s-r1', { startsAt: START.toISOString(), capacity: 1, status: 'cancelled' })]);
    const cards = await drainAt(clock.now());
    assert.deepEqual(cards.map(title), ['Session cancelled', 'Session cancelled']);
    assert.deepEqual(cards[0]!.actions ?? [], [], 'no Join, Cancel or calendar on a cancelled session');
    assert.deepEqual(await drainAt(new Date(START.getTime() - 15 * M)), []);
  });

  it('lets a person choose their reminders in settings, applied to the reminders still to come', async () => {
    await cardAction('session.book', ALEX);
    await say('settings');
    const card = connector.sentCards().at(-1) as unknown as Card;
    assert.equal(title(card), 'Your settings');
    const choices = card.body.find((element) => element.id === 'reminderOffsets')!;
    assert.equal(choices.value, '86400000,900000', 'the default is shown ticked');
    assert.equal(choices.choices!.length, 3);

    const response = await postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'settings.save', data: { reminderOffsets: '3600000' } }, trigger: 'manual' }, { serviceUrl: connector.url }));
    const answer = response.body as { statusCode: number; type: string; value: Card };
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.value.body[1]!.text, '✓ Saved.');
    assert.equal(answer.value.body.find((element) => element.id === 'reminderOffsets')!.value, '3600000');

    assert.deepEqual(await drainAt(new Date(START.getTime() - 24 * H)), [], 'the 1-day reminder is gone');
    assert.deepEqual((await drainAt(new Date(START.getTime() - H))).map(title), ['Reminder: your session starts in 1 hour']);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 15 * M)), []);
  });

  it('applies the settings to bookings made afterwards, and "none" means no reminder at all', async () => {
    await postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'settings.save', data: { reminderOffsets: '' } } }, { serviceUrl: connector.url }));
    await cardAction('session.book', ALEX);
    assert.deepEqual(await drainAt(new Date(START.getTime() - 5 * M)), []);
  });

  it('refuses settings that are not among the choices and keeps the old ones', async () => {
    const response = await postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'settings.save', data: { reminderOffsets: '1,{"$gt":0}' } } }, { serviceUrl: connector.url }));
    assert.equal((response.body as { value: Card }).value.body[0]!.text, 'Something did not work');
    await say('paramètres', ALEX, 'fr-FR');
    const card = connector.sentCards().at(-1) as unknown as Card;
    assert.equal(title(card), 'Vos paramètres');
    assert.equal(card.body.find((element) => element.id === 'reminderOffsets')!.value, '86400000,900000');
  });
});
