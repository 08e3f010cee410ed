import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { CARD_VERBS } from '../../src/cards/session-view';
import type { Store } from '../../src/store/open-store';
import { FakeBotConnector } from '../fakes/bot-connector';
import { messageActivity } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { act, actionsOf, cardAfter, importSessions, person, readCollection, sessionRecord, textOf, urlOf, verbsOf, type ActOptions } from '../helpers/booking';
import { failingWhile } from '../helpers/unreliable';

describe('session card actions: errors, calendar file and my sessions', () => {
  let connector: FakeBotConnector;
  let test: TestApp;
  let storeDown = false;
  const as = (n: number, extra: Partial<ActOptions> = {}): ActOptions => ({ user: person(n), serviceUrl: connector.url, ...extra });

  /** The booking store starts refusing every call while `storeDown` is set, as an unreachable database would. */
  const unreliable = (store: Store): Store => ({
    ...store,
    bookings: failingWhile(store.bookings, () => storeDown),
  });

  beforeEach(async () => {
    storeDown = false;
    connector = await new FakeBotConnector().start();
    test = await startTestApp({}, undefined, { wrapStore: unreliable });
    await importSessions(test, [sessionRecord('s-1'), sessionRecord('s-2', { startsAt: '2026-12-05T08:00:00Z', title: 'Sleep well' })]);
  });
  afterEach(async () => {
    await test.stop();
    await connector.stop();
  });

  async function assertNothingWritten(): Promise<void> {
    await test.stop();
    assert.deepEqual(readCollection(test.dataDir, 'usage'), []);
    assert.ok(readCollection(test.dataDir, 'sessions').every((doc) => doc.booked === undefined && doc.waitlist === undefined));
  }

  it('answers an unknown session with a friendly card', async () => {
    const card = await cardAfter(test, CARD_VERBS.book, { sessionId: 's-404' }, as(1));
    assert.match(textOf(card), /Session not available/);
    await assertNothingWritten();
  });

  it('answers missing or invalid data with a friendly card and writes nothing', async () => {
    for (const data of [undefined, {}, { sessionId: '' }, { sessionId: { $gt: '' } }, { sessionId: 'x'.repeat(200) }, { sessionId: 's-1', from: 'elsewhere' }, 'text']) {
      const card = await cardAfter(test, CARD_VERBS.book, data, as(1));
      assert.match(textOf(card), /This card cannot be used/, JSON.stringify(data));
    }
    await assertNothingWritten();
  });

  it('answers a malformed invoke (no action, unknown verb) with the same card and writes nothing', async () => {
    for (const [verb, value] of [[undefined, {}], [undefined, { action: { type: 'Action.Submit', data: { sessionId: 's-1' } } }], ['session.delete', { sessionId: 's-1' }]] as const) {
      const response = await act(test, verb, value, as(1));
      assert.equal(response.status, 200);
      assert.match(textOf(response.body.value!), /This card cannot be used/);
    }
    await assertNothingWritten();
  });

  it('asks to try again when the store does not answer, and mends the card once it does', async () => {
    storeDown = true;
    const card = await cardAfter(test, CARD_VERBS.book, { sessionId: 's-1' }, as(1));
    assert.match(textOf(card), /could not reach your bookings just now, and nothing was changed/);
    assert.deepEqual(verbsOf(card), [CARD_VERBS.refresh], 'Try again');
    assert.equal(card.refresh?.action.verb, CARD_VERBS.refresh);
    assert.doesNotMatch(JSON.stringify(card), /ECONNREFUSED|stack/);
    storeDown = false;
    assert.deepEqual(verbsOf(await cardAfter(test, CARD_VERBS.refresh, { sessionId: 's-1' }, as(1))), [CARD_VERBS.book]);
  });

  it('serves a calendar file that parses back to the session, in UTC, with the person\'s Join link', async () => {
    const calendarUrl = urlOf(await cardAfter(test, CARD_VERBS.book, { sessionId: 's-1' }, as(1)), /calendar\.ics/)!;
    const response = await fetch(calendarUrl.replace(/^http:\/\/localhost:\d+/, test.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/calendar/);
    const text = await response.text();
    assert.match(text, /DTSTART:20261202T120000Z/, 'UTC, whatever the offset in the catalogue (+01:00)');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    assert.equal(event.summary, 'Breathe s-1');
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-02T12:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-02T12:45:00.000Z');
    assert.equal(event.startDate.zone?.tzid, 'UTC');
    const joinLink = String(event.component.getFirstPropertyValue('url'));
    assert.match(joinLink, /\/r\/join\/s-1\?t=/);
    assert.ok(event.description.includes(joinLink));
    assert.equal(event.uid, 's-1@localhost:' + new URL(calendarUrl).port);
  });

  it('refuses a calendar link without a valid signature', async () => {
    assert.equal((await fetch(`${test.url}/api/sessions/s-1/calendar.ics`)).status, 400);
    assert.equal((await fetch(`${test.url}/api/sessions/s-1/calendar.ics?t=abc.def`)).status, 404);
  });

  it('lists my sessions, seats and waitlist places, each with its Cancel, and cancels from the list', async () => {
    await importSessions(test, [sessionRecord('s-2', { startsAt: '2026-12-05T08:00:00Z', title: 'Sleep well', capacity: 1 })]);
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-2' }, as(2));
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-2' }, as(1));
    await cardAfter(test, CARD_VERBS.book, { sessionId: 's-1' }, as(1));
    await postJson(`${test.url}/api/messages`, messageActivity('my sessions', { serviceUrl: connector.url, user: person(1) }));
    await connector.waitFor(/activities/);
    const list = connector.sentCards()[0]! as Parameters<typeof textOf>[0];
    assert.match(textOf(list), /Your sessions\nBreathe s-1\n.*\n✓ Booked\nSleep well\n.*\nOn the waitlist: number 1/);
    const cancels = actionsOf(list).filter((a) => a.verb === CARD_VERBS.cancel);
    assert.deepEqual(cancels.map((a) => [a.title, a.data]), [
      ['Cancel my booking', { sessionId: 's-1', from: 'my-sessions', only: '' }],
      ['Leave the waitlist', { sessionId: 's-2', from: 'my-sessions', only: 'waitlist' }],
    ]);
    const after = await cardAfter(test, CARD_VERBS.cancel, cancels[1]!.data, as(1));
    assert.match(textOf(after), /You left the waitlist\.\nBreathe s-1/);
    assert.doesNotMatch(textOf(after), /Sleep well/);
  });

  it('says so in French when there is nothing booked', async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('mes séances', { serviceUrl: connector.url, user: person(1), locale: 'fr-FR' }));
    await connector.waitFor(/activities/);
    assert.match(textOf(connector.sentCards()[0]! as Parameters<typeof textOf>[0]), /Vos séances\nVous n'avez aucune séance à venir/);
  });
});
