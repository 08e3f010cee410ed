import assert from 'node:assert/strict';
import { MAX_SESSION_MINUTES, type Session } from '../../src/domain/catalog';
import type { Person } from '../../src/domain/people';
import type { StoreDatabase } from '../../src/store/collection';
import { createStore, type Store } from '../../src/store/open-store';
import { forEachEngine } from '../helpers/databases';

const NOW = new Date('2026-12-01T09:00:00Z');
const person = (n: number): Person => ({ tenantId: 't-1', userId: `u-${n}` });

function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 's-1', title: 'Breathing', description: 'Calm', topics: ['stress'], facilitator: 'Dr. A', startsAt: new Date('2026-12-02T12:00:00Z'),
    durationMinutes: 45, capacity: 2, language: 'en', joinUrl: 'https://teams.example/meet/1', status: 'scheduled', ...overrides,
  };
}

describe('booking repository contract', () => {
  forEachEngine((engine) => {
    let db: StoreDatabase;
    let store: Store;

    beforeEach(async () => {
      db = await engine.open();
      store = createStore(db, () => NOW);
      await store.sessions.upsertMany([session()]);
    });
    afterEach(() => db.close());

    it('seats people until capacity, then queues them in arrival order', async () => {
      const results = [];
      for (let n = 1; n <= 4; n += 1) results.push(await store.bookings.book('s-1', person(n), NOW));
      assert.deepEqual(results.map((r) => r.applied), ['seat', 'seat', 'waitlist', 'waitlist']);
      assert.deepEqual(results[3]!.snapshot!.viewer, { kind: 'waitlisted', position: 2, since: NOW });
      assert.equal(results[3]!.snapshot!.bookedCount, 2);
      assert.equal(results[3]!.snapshot!.waitlistCount, 2);
    });

    it('never seats more people than there are seats under concurrency', async () => {
      await store.sessions.upsertMany([session({ capacity: 5 })]);
      const results = await Promise.all(Array.from({ length: 40 }, (_, n) => store.bookings.book('s-1', person(n), NOW)));
      assert.equal(results.filter((r) => r.applied === 'seat').length, 5);
      assert.equal(results.filter((r) => r.applied === 'waitlist').length, 35);
      const positions = results.flatMap((r) => (r.snapshot?.viewer.kind === 'waitlisted' ? [r.snapshot.viewer.position] : []));
      assert.deepEqual([...positions].sort((a, b) => a - b), Array.from({ length: 35 }, (_, i) => i + 1));
    });

    it('does nothing when the person already holds a seat or a place', async () => {
      await store.bookings.book('s-1', person(1), NOW);
      const again = await store.bookings.book('s-1', person(1), NOW);
      assert.equal(again.applied, 'none');
      assert.deepEqual(again.snapshot!.viewer, { kind: 'booked', since: NOW });
      assert.equal(again.snapshot!.bookedCount, 1);
    });

    it('refuses a started, a cancelled or an unknown session', async () => {
      assert.equal((await store.bookings.book('s-1', person(1), new Date('2026-12-02T12:00:00Z'))).applied, 'none');
      await store.sessions.upsertMany([session({ status: 'cancelled' })]);
      assert.equal((await store.bookings.book('s-1', person(1), NOW)).applied, 'none');
      const unknown = await store.bookings.book('nope', person(1), NOW);
      assert.deepEqual(unknown, { applied: 'none', snapshot: undefined });
    });

    it('frees a seat for the head of the waitlist and never lets a newcomer take it', async () => {
      for (let n = 1; n <= 4; n += 1) await store.bookings.book('s-1', person(n), NOW);
      assert.equal((await store.bookings.release('s-1', person(1), NOW)).applied, 'seat');
      // Before the promotion runs, the free seat is the waitlist's: a newcomer queues.
      assert.equal((await store.bookings.book('s-1', person(9), NOW)).applied, 'waitlist');
      assert.deepEqual(await store.bookings.promoteWaiting('s-1', NOW), [person(3)]);
      assert.deepEqual((await store.bookings.snapshot('s-1', person(3)))!.viewer, { kind: 'booked', since: NOW });
      assert.deepEqual((await store.bookings.snapshot('s-1', person(4)))!.viewer, { kind: 'waitlisted', position: 1, since: NOW });
      assert.deepEqual(await store.bookings.promoteWaiting('s-1', NOW), [], 'no seat left to give');
    });

    it('promotes as many as the provider added seats for', async () => {
      for (let n = 1; n <= 5; n += 1) await store.bookings.book('s-1', person(n), NOW);
      await store.sessions.upsertMany([session({ capacity: 4 })]);
      assert.deepEqual(await store.bookings.promoteWaiting('s-1', NOW), [person(3), person(4)]);
    });

    it('keeps bookings across a catalogue re-import', async () => {
      await store.bookings.book('s-1', person(1), NOW);
      await store.sessions.upsertMany([session({ title: 'Breathing, renamed' })]);
      const snapshot = await store.bookings.snapshot('s-1', person(1));
      assert.equal(snapshot!.session.title, 'Breathing, renamed');
      assert.equal(snapshot!.viewer.kind, 'booked');
    });

    it('lets a waitlisted person leave at any time, and a booked one cancel only before the start', async () => {
      for (let n = 1; n <= 3; n += 1) await store.bookings.book('s-1', person(n), NOW);
      const started = new Date('2026-12-02T12:01:00Z');
      assert.equal((await store.bookings.release('s-1', person(1), started)).applied, 'none');
      assert.equal((await store.bookings.release('s-1', person(3), started)).applied, 'waitlist');
      assert.equal((await store.bookings.release('s-1', person(1), NOW)).applied, 'seat');
      assert.equal((await store.bookings.release('s-1', person(1), NOW)).applied, 'none');
    });

    it("lists a person's upcoming seats and places, soonest first, and forgets them on request", async () => {
      await store.sessions.upsertMany([session({ id: 's-2', startsAt: new Date('2026-12-01T10:00:00Z') }), session({ id: 's-old', startsAt: new Date('2026-11-30T10:00:00Z') })]);
      await store.bookings.book('s-1', person(1), NOW);
      await store.bookings.book('s-2', person(1), NOW);
      await store.bookings.book('s-1', person(2), NOW);
      const held = await store.bookings.listHeldBy(person(1), NOW);
      assert.deepEqual(held.map((s) => s.session.id), ['s-2', 's-1']);
      assert.equal(await store.bookings.forget(person(1)), 2);
      assert.deepEqual(await store.bookings.listHeldBy(person(1), NOW), []);
      assert.equal((await store.bookings.snapshot('s-1', person(2)))!.bookedCount, 1);
    });

    it('lists a session of the longest allowed length while it runs, and not once it has ended', async () => {
      const startsAt = new Date('2026-12-01T10:00:00Z');
      await store.sessions.upsertMany([session({ id: 's-long', startsAt, durationMinutes: MAX_SESSION_MINUTES })]);
      await store.bookings.book('s-long', person(1), NOW);
      const minutesIn = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
      assert.deepEqual((await store.bookings.listHeldBy(person(1), minutesIn(MAX_SESSION_MINUTES - 1))).map((s) => s.session.id), ['s-long']);
      assert.deepEqual(await store.bookings.listHeldBy(person(1), minutesIn(MAX_SESSION_MINUTES)), []);
    });

    it('counts seats open to newcomers for search, none while people wait', async () => {
      await store.sessions.upsertMany([session({ id: 's-2', capacity: 5 })]);
      await store.bookings.book('s-2', person(1), NOW);
      for (let n = 1; n <= 3; n += 1) await store.bookings.book('s-1', person(n), NOW);
      const sessions = [session(), session({ id: 's-2', capacity: 5 }), session({ id: 's-new', capacity: 7 })];
      assert.deepEqual(await store.bookings.seatsLeft(sessions), new Map([['s-1', 0], ['s-2', 4], ['s-new', 7]]));
      await store.bookings.release('s-1', person(1), NOW);
      assert.equal((await store.bookings.seatsLeft(sessions)).get('s-1'), 0, 'the freed seat is the waiting person\'s');
    });

    it('remembers when the provider moved a session', async () => {
      await store.bookings.recordChanges([{ kind: 'moved', sessionId: 's-1', previousStartsAt: new Date('2026-12-02T11:00:00Z'), startsAt: new Date('2026-12-02T12:00:00Z') }], NOW);
      const snapshot = await store.bookings.snapshot('s-1', person(1));
      assert.deepEqual(snapshot!.lastMove, { from: new Date('2026-12-02T11:00:00Z'), at: NOW });
    });
  });
});
