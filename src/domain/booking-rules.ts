import type { BookingSnapshot } from './booking';
import { hasStarted } from './catalog';

/** Stable codes the bot maps to friendly cards once (STYLE.md "typed errors with stable codes"). */
export const BOOKING_ERROR_CODES = ['SESSION_NOT_FOUND', 'SESSION_STARTED', 'SESSION_CANCELLED', 'BOOKING_CONTENDED'] as const;
export type BookingErrorCode = (typeof BOOKING_ERROR_CODES)[number];

export class BookingError extends Error {
  constructor(readonly code: BookingErrorCode, readonly sessionId: string) {
    super(`${code}: session ${sessionId}`);
    this.name = 'BookingError';
  }
}

/** What a booking did; `unchanged` means the person already held that place (booking is idempotent). */
export type BookOutcome = { readonly kind: 'booked' | 'waitlisted'; readonly changed: boolean };

/** What a cancel did: a seat freed, a waitlist place left, or nothing held (cancel is idempotent too). */
export type CancelOutcome = { readonly kind: 'cancelled' | 'left-waitlist' | 'nothing-held' };

/**
 * Why the store's atomic booking update matched nothing. The update itself enforces every rule; this
 * only names the reason from a fresh look, or says to try again when the state moved in between.
 */
export function explainUnappliedBooking(sessionId: string, snapshot: BookingSnapshot | undefined, now: Date): BookOutcome | 'retry' {
  if (!snapshot) throw new BookingError('SESSION_NOT_FOUND', sessionId);
  if (snapshot.session.status === 'cancelled') throw new BookingError('SESSION_CANCELLED', sessionId);
  if (hasStarted(snapshot.session, now)) throw new BookingError('SESSION_STARTED', sessionId);
  if (snapshot.viewer.kind === 'booked') return { kind: 'booked', changed: false };
  if (snapshot.viewer.kind === 'waitlisted') return { kind: 'waitlisted', changed: false };
  return 'retry';
}

/**
 * Why the store's atomic cancel matched nothing: unknown session, already started, or nothing held.
 * Leaving the waitlist (`only`) never touches a seat: someone promoted meanwhile keeps it.
 */
export function explainUnappliedCancel(sessionId: string, snapshot: BookingSnapshot | undefined, now: Date, only?: 'waitlist'): CancelOutcome | 'retry' {
  if (!snapshot) throw new BookingError('SESSION_NOT_FOUND', sessionId);
  if (only === 'waitlist' && snapshot.viewer.kind !== 'waitlisted') return { kind: 'nothing-held' };
  if (hasStarted(snapshot.session, now) && snapshot.viewer.kind !== 'none') throw new BookingError('SESSION_STARTED', sessionId);
  if (snapshot.viewer.kind === 'none') return { kind: 'nothing-held' };
  return 'retry';
}
