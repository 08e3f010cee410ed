import assert from 'node:assert/strict';
import { canJoin, hasSeatForNewcomer, movedSinceBooking, seatsLeft, seatsToPromote, viewerState, type BookingSnapshot, type ViewerPlace } from '../../src/domain/booking';
import { explainUnappliedBooking, explainUnappliedCancel } from '../../src/domain/booking-rules';
import type { Session } from '../../src/domain/catalog';

const START = new Date('2026-12-02T12:00:00Z');
const BEFORE = new Date('2026-12-01T09:00:00Z');
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * 60_000);

function snapshot(overrides: { session?: Partial<Session>; bookedCount?: number; waitlistCount?: number; viewer?: ViewerPlace; lastMove?: BookingSnapshot['lastMove'] } = {}): BookingSnapshot {
  const session: Session = {
    id: 's-1', title: 'T', description: 'D', topics: ['stress'], facilitator: 'F', startsAt: START, durationMinutes: 45,
    capacity: 3, language: 'en', joinUrl: 'https://teams.example/j', status: 'scheduled', ...overrides.session,
  };
  return { session, bookedCount: overrides.bookedCount ?? 0, waitlistCount: overrides.waitlistCount ?? 0, viewer: overrides.viewer ?? { kind: 'none' }, ...(overrides.lastMove ? { lastMove: overrides.lastMove } : {}) };
}

const booked: ViewerPlace = { kind: 'booked', since: BEFORE };
const waiting: ViewerPlace = { kind: 'waitlisted', position: 2, since: BEFORE };

describe('booking rules', () => {
  describe('viewer state', () => {
    it('is open while seats are left and nobody waits', () => assert.equal(viewerState(snapshot({ bookedCount: 2 }), BEFORE), 'open'));
    it('is full when every seat is taken', () => assert.equal(viewerState(snapshot({ bookedCount: 3 }), BEFORE), 'full'));
    it('is full while people wait even if a seat was just freed (it is theirs)', () => assert.equal(viewerState(snapshot({ bookedCount: 2, waitlistCount: 1 }), BEFORE), 'full'));
    it('is booked for a person holding a seat', () => assert.equal(viewerState(snapshot({ bookedCount: 3, viewer: booked }), BEFORE), 'booked'));
    it('is waitlisted for a person in the queue', () => assert.equal(viewerState(snapshot({ bookedCount: 3, viewer: waiting }), BEFORE), 'waitlisted'));
    it('is started from the start time on', () => assert.equal(viewerState(snapshot({ viewer: booked }), at(0)), 'started'));
    it('is cancelled whatever else holds', () => assert.equal(viewerState(snapshot({ session: { status: 'cancelled' }, viewer: booked }), at(1)), 'cancelled'));
  });

  describe('seats', () => {
    it('never counts below zero seats left, even after the provider lowers the capacity', () => assert.equal(seatsLeft(snapshot({ bookedCount: 5 })), 0));
    it('keeps a freed seat for the waitlist rather than a newcomer', () => {
      assert.equal(hasSeatForNewcomer(snapshot({ bookedCount: 2, waitlistCount: 1 })), false);
      assert.equal(hasSeatForNewcomer(snapshot({ bookedCount: 2 })), true);
    });
    it('promotes as many waiting people as there are free seats, before the start only', () => {
      assert.equal(seatsToPromote(snapshot({ bookedCount: 1, waitlistCount: 5 }), BEFORE), 2);
      assert.equal(seatsToPromote(snapshot({ bookedCount: 1, waitlistCount: 1 }), BEFORE), 1);
      assert.equal(seatsToPromote(snapshot({ bookedCount: 1, waitlistCount: 5 }), at(0)), 0);
      assert.equal(seatsToPromote(snapshot({ bookedCount: 1, waitlistCount: 5, session: { status: 'cancelled' } }), BEFORE), 0);
    });
  });

  describe('join', () => {
    it('opens 10 minutes before the start for booked people and closes at the end', () => {
      const s = snapshot({ viewer: booked });
      assert.equal(canJoin(s, at(-10.01)), false);
      assert.equal(canJoin(s, at(-10)), true);
      assert.equal(canJoin(s, at(44)), true);
      assert.equal(canJoin(s, at(45)), false);
    });
    it('is never offered to people without a seat or for a cancelled session', () => {
      assert.equal(canJoin(snapshot({ viewer: waiting }), at(-5)), false);
      assert.equal(canJoin(snapshot({ viewer: booked, session: { status: 'cancelled' } }), at(-5)), false);
    });
  });

  describe('moves', () => {
    const move = { from: new Date('2026-12-02T10:00:00Z'), at: new Date('2026-12-01T10:00:00Z') };
    it('tells a person who booked before the move', () => assert.deepEqual(movedSinceBooking(snapshot({ viewer: booked, lastMove: move })), move.from));
    it('does not tell a person who booked after it', () => assert.equal(movedSinceBooking(snapshot({ viewer: { kind: 'booked', since: new Date('2026-12-01T11:00:00Z') }, lastMove: move })), undefined));
  });

  describe('why a booking did not apply', () => {
    it('names an unknown, a cancelled and a started session with stable codes', () => {
      assert.throws(() => explainUnappliedBooking('s-1', undefined, BEFORE), { name: 'BookingError', code: 'SESSION_NOT_FOUND' });
      assert.throws(() => explainUnappliedBooking('s-1', snapshot({ session: { status: 'cancelled' } }), BEFORE), { code: 'SESSION_CANCELLED' });
      assert.throws(() => explainUnappliedBooking('s-1', snapshot(), at(0)), { code: 'SESSION_STARTED' });
    });
    it('treats booking twice as the same state, unchanged', () => {
      assert.deepEqual(explainUnappliedBooking('s-1', snapshot({ viewer: booked }), BEFORE), { kind: 'booked', changed: false });
      assert.deepEqual(explainUnappliedBooking('s-1', snapshot({ viewer: waiting }), BEFORE), { kind: 'waitlisted', changed: false });
    });
    it('asks for another try when nothing explains it (the state moved in between)', () => assert.equal(explainUnappliedBooking('s-1', snapshot(), BEFORE), 'retry'));
  });

  describe('why a cancel did not apply', () => {
    it('refuses to cancel a seat once the session started', () => {
      assert.throws(() => explainUnappliedCancel('s-1', snapshot({ viewer: booked }), at(1)), { code: 'SESSION_STARTED' });
    });
    it('is a no-op for a person who holds nothing', () => assert.deepEqual(explainUnappliedCancel('s-1', snapshot(), BEFORE), { kind: 'nothing-held' }));
    it('never takes a seat away when the person only meant to leave the waitlist', () => {
      assert.deepEqual(explainUnappliedCancel('s-1', snapshot({ viewer: booked }), BEFORE, 'waitlist'), { kind: 'nothing-held' });
    });
  });
});
