import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../src/cards/session-view';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { type TestApp, useAppWithConnector } from '../helpers/app';
import { cardAfter, importSessions, person, readCollection, sessionRecord, textOf, verbsOf, type ActOptions } from '../helpers/booking';

describe('booking under concurrency', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let test: TestApp;
  const as = (n: number): ActOptions => ({ user: person(n), serviceUrl: connector.url, conversationType: 'channel', conversationId: '19:general' });
  const people = Array.from({ length: 200 }, (_, i) => i + 1);

  useAppWithConnector((app) => ({ connector, test } = app), { scope: 'all' });
  before(() => importSessions(test, [sessionRecord('s-busy', { capacity: 20 })]));

  it('seats exactly 20 of 200 people booking at once, queues 180 in arrival order, and stays consistent after every cancel', async () => {
    const cards = await Promise.all(people.map((n) => cardAfter(test, CARD_VERBS.book, { sessionId: 's-busy' }, as(n))));
    const booked = people.filter((_, i) => /your seat is saved/.test(textOf(cards[i]!)));
    const position = new Map(people.flatMap((n, i) => {
      const match = /you are number (\d+)/.exec(textOf(cards[i]!));
      return match ? [[n, Number(match[1])] as const] : [];
    }));
    assert.equal(booked.length, 20);
    assert.equal(position.size, 180);
    assert.deepEqual([...position.values()].sort((a, b) => a - b), Array.from({ length: 180 }, (_, i) => i + 1), 'positions 1..180, each once');
    const queue = [...position.entries()].sort((a, b) => a[1] - b[1]).map(([n]) => n);

    // Every booked person cancels, all at once: the first 20 in the queue get the seats, in queue order.
    await Promise.all(booked.map((n) => cardAfter(test, CARD_VERBS.cancel, { sessionId: 's-busy' }, as(n))));
    const promoted = queue.slice(0, 20);
    for (const n of promoted) assert.deepEqual(verbsOf(await cardAfter(test, CARD_VERBS.refresh, { sessionId: 's-busy' }, as(n))), [CARD_VERBS.cancel], `person ${n}`);
    assert.match(textOf(await cardAfter(test, CARD_VERBS.refresh, { sessionId: 's-busy' }, as(queue[20]!))), /You are number 1 on the waitlist/);

    // Then everyone left gives up their place: the session is back to 20 free seats and no queue.
    await Promise.all(queue.map((n) => cardAfter(test, CARD_VERBS.cancel, { sessionId: 's-busy' }, as(n))));
    const fresh = await cardAfter(test, CARD_VERBS.refresh, { sessionId: 's-busy' }, as(999));
    assert.deepEqual(verbsOf(fresh), [CARD_VERBS.book]);
    assert.match(textOf(fresh), /20 seats left/);

    await test.stop();
    const doc = readCollection(test.dataDir, 'sessions').find((d) => d._id === 's-busy');
    assert.deepEqual([doc!.booked, doc!.waitlist], [[], []]);
    // Seats freed while the queue was leaving went on to the next waiting: each promoted person is told once.
    const told = readCollection(test.dataDir, 'deliveries').map((d) => d.userId as string);
    assert.equal(new Set(told).size, told.length, 'no one told twice');
    for (const n of promoted) assert.ok(told.includes(person(n).aadObjectId), `person ${n} was told`);
    const waited = new Set(queue.map((n) => person(n).aadObjectId));
    assert.ok(told.every((id) => waited.has(id)), 'only people who waited are told');
  });
});
