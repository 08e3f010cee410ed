import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../src/cards/session-view';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { type TestApp, useAppWithConnector } from '../helpers/app';
import { cardAfter, importSessions, person, readCollection, sessionRecord, textOf, urlOf, verbsOf, type ActOptions } from '../helpers/booking';
import { search } from '../helpers/search';

const START = new Date('2026-12-02T12:00:00Z');

describe('adaptiveCard/action: book, cancel and refresh a session card', () => {
  let connector: FakeBotConnector;
  let test: TestApp;
  const as = (n: number, extra: Partial<ActOptions> = {}): ActOptions => ({ user: person(n), serviceUrl: connector.url, conversationType: 'groupChat', conversationId: '19:team-chat', ...extra });
  const book = (n: number, id = 's-1', extra: Partial<ActOptions> = {}) => cardAfter(test, CARD_VERBS.book, { sessionId: id }, as(n, extra));
  const cancel = (n: number, id = 's-1') => cardAfter(test, CARD_VERBS.cancel, { sessionId: id }, as(n));
  const refresh = (n: number, id = 's-1') => cardAfter(test, CARD_VERBS.refresh, { sessionId: id }, as(n, { trigger: 'automatic' }));

  useAppWithConnector((app) => ({ connector, test } = app));
  beforeEach(() => importSessions(test, [sessionRecord('s-1')]));

  it('books a seat and answers the card as the booker now sees it', async () => {
    const card = await book(1);
    assert.equal(card.version, '1.5');
    assert.match(textOf(card), /your seat is saved/);
    assert.deepEqual(verbsOf(card), [CARD_VERBS.cancel]);
    assert.ok(urlOf(card, /\/api\/sessions\/s-1\/calendar\.ics\?t=/), 'Add to calendar');
    assert.equal(urlOf(card, /\/r\/join\//), undefined, 'no Join a day ahead');
    assert.equal(card.refresh?.action.verb, CARD_VERBS.refresh);
    assert.equal(card.refresh?.userIds, undefined, 'every viewer of the chat refreshes to their own state (≤ 60 people, facts §2.4)');
  });

  it('shows two people on the same card each their own state, and never rewrites the shared message', async () => {
    await book(1);
    const other = await refresh(2);
    assert.deepEqual(verbsOf(other), [CARD_VERBS.book]);
    assert.match(textOf(other), /2 seats left/);
    assert.doesNotMatch(JSON.stringify(other), /person-1|bbbbbbbb-0000-0000-0000-000000000001/, 'nothing about who booked');
    assert.deepEqual(verbsOf(await refresh(1)), [CARD_VERBS.cancel]);
    await book(2);
    assert.deepEqual(verbsOf(await refresh(1)), [CARD_VERBS.cancel]);
    assert.deepEqual(connector.requestsTo(/\/activities\//, 'PUT'), [], 'no updateActivity on the shared card');
    assert.deepEqual(connector.requests, [], 'the answers went back in the invoke responses only');
  });

  it('treats a second booking as a no-op that shows the same state', async () => {
    await book(1);
    const again = await book(1);
    assert.deepEqual(verbsOf(again), [CARD_VERBS.cancel]);
    assert.doesNotMatch(textOf(again), /your seat is saved/, 'nothing new happened');
    assert.match(textOf(await refresh(2)), /2 seats left/);
  });

  it('puts people on a first-come waitlist when full, tells their position, and offers the waitlist to others', async () => {
    for (const n of [1, 2, 3]) await book(n);
    const fourth = await book(4);
    assert.match(textOf(fourth), /full, so you joined the waitlist: you are number 1/);
    assert.deepEqual(verbsOf(fourth), [CARD_VERBS.cancel], 'Leave waitlist');
    assert.match(textOf(await book(5)), /number 2/);
    const onlooker = await refresh(6);
    assert.match(textOf(onlooker), /Full: join the waitlist/);
    assert.deepEqual(verbsOf(onlooker), [CARD_VERBS.book], 'join the waitlist');
  });

  it('gives a freed seat to the first on the waitlist, and queues a notice for them', async () => {
    for (const n of [1, 2, 3, 4, 5]) await book(n);
    const cancelled = await cancel(2);
    assert.match(textOf(cancelled), /Your booking is cancelled/);
    assert.deepEqual(verbsOf(cancelled), [CARD_VERBS.book], 'the seat went to the waitlist: the canceller may only queue again');
    assert.match(textOf(cancelled), /Full: join the waitlist/);
    assert.match(textOf(await refresh(4)), /booked/);
    assert.deepEqual(verbsOf(await refresh(4)), [CARD_VERBS.cancel]);
    assert.match(textOf(await refresh(5)), /You are number 1 on the waitlist/);
    await test.stop();
    const deliveries = readCollection(test.dataDir, 'deliveries');
    const notices = deliveries.filter((item) => (item.payload as { kind: string }).kind === 'waitlist.promoted');
    assert.equal(notices.length, 1);
    assert.deepEqual(notices[0]!.payload, { kind: 'waitlist.promoted', sessionId: 's-1' });
    assert.equal(notices[0]!.userId, person(4).aadObjectId);
    const remindedPeople = new Set(deliveries.filter((item) => (item.payload as { kind: string }).kind === 'session.reminder').map((item) => item.userId));
    assert.ok(remindedPeople.has(person(4).aadObjectId), 'the promoted person gets reminders');
    assert.ok(!remindedPeople.has(person(2).aadObjectId), 'the person who cancelled does not');
    const kinds = readCollection(test.dataDir, 'usage').map((u) => `${u.kind}:${String(u.userId).slice(-1)}`).sort();
    assert.deepEqual(kinds, ['session.booked:1', 'session.booked:2', 'session.booked:3', 'session.cancelled:2', 'session.promoted:4', 'session.waitlisted:4', 'session.waitlisted:5']);
  });

  it('lets a person cancel and book again', async () => {
    await book(1);
    assert.deepEqual(verbsOf(await cancel(1)), [CARD_VERBS.book]);
    assert.match(textOf(await refresh(2)), /3 seats left/);
    assert.deepEqual(verbsOf(await book(1)), [CARD_VERBS.cancel]);
    assert.match(textOf(await refresh(2)), /2 seats left/);
  });

  it('lets a waitlisted person leave the waitlist', async () => {
    for (const n of [1, 2, 3, 4, 5]) await book(n);
    assert.match(textOf(await cancel(4)), /You left the waitlist/);
    assert.match(textOf(await refresh(5)), /You are number 1 on the waitlist/);
  });

  it('refuses booking once the session started, and cancelling from the start on', async () => {
    await book(1);
    test.clock.set(new Date(START.getTime() - 60_000));
    assert.deepEqual(verbsOf(await cancel(1)), [CARD_VERBS.book], 'cancel allowed until the start');
    await book(1);
    test.clock.set(START);
    const late = await book(2);
    assert.match(textOf(late), /already started: booking and cancelling are closed/);
    assert.deepEqual(verbsOf(late), []);
    assert.match(textOf(await cancel(1)), /already started/);
    assert.match(textOf(await refresh(1)), /started/);
  });

  it('shows a session the provider cancelled, plainly, on refresh and on any click', async () => {
    await book(1);
    await importSessions(test, [sessionRecord('s-1', { status: 'cancelled' })]);
    const seen = await refresh(1);
    assert.match(textOf(seen), /cancelled/);
    assert.deepEqual(verbsOf(seen), []);
    assert.equal(urlOf(seen, /calendar/), undefined);
    assert.match(textOf(await book(2)), /The provider cancelled this session/);
  });

  it('shows a booked person that the provider moved their session', async () => {
    await book(1);
    test.clock.advance(60_000);
    await importSessions(test, [sessionRecord('s-1', { startsAt: '2026-12-02T15:00:00+01:00' })]);
    await test.app.delivery.scheduler.drainOnce(); // the import queued the change; the scheduler applies it
    assert.match(textOf(await refresh(1)), /New time: it was planned for \{\{DATE\(2026-12-02T12:00:00Z, SHORT\)\}\}/);
    test.clock.advance(60_000);
    await book(2);
    assert.doesNotMatch(textOf(await refresh(2)), /New time/, 'booked after the move: nothing to tell');
  });

  it('offers Join from 10 minutes before the start, through a signed tracked link', async () => {
    await book(1);
    test.clock.set(new Date(START.getTime() - 11 * 60_000));
    assert.equal(urlOf(await refresh(1), /\/r\/join\//), undefined);
    test.clock.set(new Date(START.getTime() - 10 * 60_000));
    const join = urlOf(await refresh(1), /\/r\/join\//);
    assert.ok(join?.startsWith('http://localhost:'), join);
    assert.equal(urlOf(await refresh(2), /\/r\/join\//), undefined, 'no Join without a seat');

    const response = await fetch(join!.replace(/^http:\/\/localhost:\d+/, test.url), { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), 'https://teams.microsoft.com/l/meetup-join/s-1');
    await test.stop();
    const attended = readCollection(test.dataDir, 'usage').filter((u) => u.kind === 'session.attended');
    assert.deepEqual(attended.map((u) => u.userId), [person(1).aadObjectId]);
  });

  it("refuses a join link that was altered to record someone else's attendance", async () => {
    await book(1);
    test.clock.set(START);
    const join = new URL(urlOf(await refresh(1), /\/r\/join\//)!);
    const [body, mac] = join.searchParams.get('t')!.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, uid: person(2).aadObjectId })).toString('base64url');
    for (const t of [`${forged}.${mac}`, 'garbage', '']) {
      const response = await fetch(`${test.url}/r/join/s-1?t=${encodeURIComponent(t)}`, { redirect: 'manual' });
      assert.ok(response.status === 403 || response.status === 400, `${response.status} for ${t.slice(0, 10)}`);
    }
    const otherSession = await fetch(`${test.url}/r/join/s-2?${join.searchParams}`, { redirect: 'manual' });
    assert.equal(otherSession.status, 403, 'a link for one session does not open another');
    await test.stop();
    assert.deepEqual(readCollection(test.dataDir, 'usage').filter((u) => u.kind === 'session.attended'), []);
  });

  it('counts bookings in search results, which stay the same for everyone', async () => {
    for (const n of [1, 2]) await book(n);
    const seatsOf = async () => {
      const answer = await search(test.url, 'searchSessions', 'Breathe s-1');
      const index = answer.sessionIds.indexOf('s-1');
      return textOf(answer.attachments[index]!.content as Parameters<typeof textOf>[0]);
    };
    assert.match(await seatsOf(), /1 seat left/);
    await book(3);
    await book(4);
    assert.match(await seatsOf(), /Full: join the waitlist/, 'the shared card offers the waitlist, never anyone\'s booking');
  });

  it('answers in French to a French client', async () => {
    assert.match(textOf(await book(1, 's-1', { locale: 'fr-FR' })), /votre place est gardée/);
  });
});
