import {
  canJoin, isJoinWindow, movedSinceBooking, seatsLeft, seatsToPromote, viewerState, type BookingSnapshot, type SessionForViewer,
} from '../domain/booking';
import { BookingError, explainUnappliedBooking, explainUnappliedCancel, type BookOutcome, type CancelOutcome } from '../domain/booking-rules';
import { endsAt, type Session, type SessionChange } from '../domain/catalog';
import type { Person } from '../domain/people';
import type { BookingRepository, Clock, Log, UsageRecorder } from '../domain/ports';
import type { UsageKind } from '../domain/usage';
import type { BookingEvents } from './reminder-planner';
import type { SessionLinks } from './session-links';

/** The state moved between the atomic update and the look that explains it; one more try settles it. */
const MAX_ATTEMPTS = 5;

export interface BookingServiceDeps {
  readonly bookings: BookingRepository;
  /** `UsageService` in the app, so that bookings and attendance feed recommendations. */
  readonly usage: UsageRecorder;
  /** Reminders follow seats: planned when one is confirmed, dropped when it is given up (the reminder planner). */
  readonly reminders: BookingEvents;
  readonly links: SessionLinks;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * Book, cancel and join, as one person. Every answer is that person's own view of the session:
 * seats left and their own place, never who else booked.
 */
export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  async book(person: Person, sessionId: string): Promise<{ outcome: BookOutcome; view: SessionForViewer }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const now = this.deps.clock.now();
      const { applied, snapshot } = await this.deps.bookings.book(sessionId, person, now);
      if (applied === 'seat' || applied === 'waitlist') {
        const kind = applied === 'seat' ? 'booked' : 'waitlisted';
        await this.recordUsage(person, `session.${kind}`, sessionId, now);
        if (applied === 'seat') await this.tellReminders('booked', () => this.deps.reminders.bookingConfirmed(person, snapshot!.session), sessionId);
        return { outcome: { kind, changed: true }, view: this.present(person, snapshot!, now) };
      }
      const outcome = explainUnappliedBooking(sessionId, snapshot, now);
      if (outcome === 'retry') continue;
      // Booking again while booked changes nothing, but plans the reminders again (idempotent by key):
      // it repairs a seat whose reminders could not be queued when it was taken.
      if (outcome.kind === 'booked') await this.tellReminders('booked', () => this.deps.reminders.bookingConfirmed(person, snapshot!.session), sessionId);
      return { outcome, view: this.present(person, snapshot!, now) };
    }
    throw new BookingError('BOOKING_CONTENDED', sessionId);
  }

  /** Gives up the person's seat (until the start) or waitlist place; a freed seat goes to the first waiting. */
  async cancel(person: Person, sessionId: string, only?: 'waitlist'): Promise<{ outcome: CancelOutcome; view: SessionForViewer }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const now = this.deps.clock.now();
      const { applied, snapshot } = await this.deps.bookings.release(sessionId, person, now, only);
      if (applied === 'seat') {
        await this.recordUsage(person, 'session.cancelled', sessionId, now);
        await this.tellReminders('cancelled', () => this.deps.reminders.bookingCancelled(person, sessionId), sessionId);
        const promoted = await this.promote(sessionId, now);
        const after = promoted > 0 ? ((await this.deps.bookings.snapshot(sessionId, person)) ?? snapshot!) : snapshot!;
        return { outcome: { kind: 'cancelled' }, view: this.present(person, after, now) };
      }
      if (applied === 'waitlist') return { outcome: { kind: 'left-waitlist' }, view: this.present(person, snapshot!, now) };
      const outcome = explainUnappliedCancel(sessionId, snapshot, now, only);
      if (outcome !== 'retry') return { outcome, view: this.present(person, snapshot!, now) };
    }
    throw new BookingError('BOOKING_CONTENDED', sessionId);
  }

  leaveWaitlist(person: Person, sessionId: string): Promise<{ outcome: CancelOutcome; view: SessionForViewer }> {
    return this.cancel(person, sessionId, 'waitlist');
  }

  /** The person's current view of one session (card refresh). Hands any seat left free to the waitlist first. */
  async view(person: Person, sessionId: string): Promise<SessionForViewer> {
    const now = this.deps.clock.now();
    let snapshot = await this.deps.bookings.snapshot(sessionId, person);
    if (!snapshot) throw new BookingError('SESSION_NOT_FOUND', sessionId);
    // A seat freed by a cancel whose promotion did not finish (crash), or seats the provider added.
    if (seatsToPromote(snapshot, now) > 0 && (await this.promote(sessionId, now)) > 0) {
      snapshot = (await this.deps.bookings.snapshot(sessionId, person)) ?? snapshot;
    }
    return this.present(person, snapshot, now);
  }

  /** Upcoming seats and waitlist places of one person, soonest first. */
  async mySessions(person: Person): Promise<SessionForViewer[]> {
    const now = this.deps.clock.now();
    return (await this.deps.bookings.listHeldBy(person, now)).map((snapshot) => this.present(person, snapshot, now));
  }

  /** The tracked Join redirect: records the attendance of the person the link was signed for. */
  async join(sessionId: string, token: string): Promise<JoinResult> {
    const now = this.deps.clock.now();
    const person = this.deps.links.verifyJoin(sessionId, token, now);
    if (!person) return { kind: 'invalid-link' };
    const snapshot = await this.deps.bookings.snapshot(sessionId, person);
    if (!snapshot) return { kind: 'not-found' };
    if (snapshot.session.status === 'cancelled') return { kind: 'cancelled', session: snapshot.session };
    if (now.getTime() >= endsAt(snapshot.session).getTime()) return { kind: 'ended', session: snapshot.session };
    // A click days ahead (from the calendar) opens the meeting but is not attendance.
    if (isJoinWindow(snapshot.session, now)) await this.recordUsage(person, 'session.attended', sessionId, now);
    return { kind: 'redirect', url: snapshot.session.joinUrl };
  }

  /** The calendar file's content for a signed calendar link: the session and the person's own Join link. */
  async calendar(sessionId: string, token: string): Promise<{ session: Session; joinUrl: string } | undefined> {
    const now = this.deps.clock.now();
    const person = this.deps.links.verifyCalendar(sessionId, token, now);
    if (!person) return undefined;
    const snapshot = await this.deps.bookings.snapshot(sessionId, person);
    return snapshot ? { session: snapshot.session, joinUrl: this.deps.links.join(person, snapshot.session) } : undefined;
  }

  /** Catalogue changes (a moved session) are remembered so booked people see them on their card. */
  async sessionsChanged(changes: readonly SessionChange[]): Promise<void> {
    await this.deps.bookings.recordChanges(changes, this.deps.clock.now());
  }

  private present(person: Person, snapshot: BookingSnapshot, now: Date): SessionForViewer {
    const { session, viewer } = snapshot;
    const state = viewerState(snapshot, now);
    const movedFrom = movedSinceBooking(snapshot);
    return {
      session,
      state,
      seatsLeft: seatsLeft(snapshot),
      ...(viewer.kind === 'waitlisted' ? { waitlistPosition: viewer.position } : {}),
      ...(canJoin(snapshot, now) ? { joinUrl: this.deps.links.join(person, session) } : {}),
      ...(viewer.kind === 'booked' && state !== 'cancelled' ? { calendarUrl: this.deps.links.calendar(person, session) } : {}),
      ...(movedFrom && state !== 'cancelled' ? { movedFrom } : {}),
    };
  }

  /** Moves waiting people onto free seats; each is told (and gets reminders) through the delivery queue. Returns how many. */
  private async promote(sessionId: string, now: Date): Promise<number> {
    const promoted = await this.deps.bookings.promoteWaiting(sessionId, now);
    const session = promoted.length > 0 ? (await this.deps.bookings.snapshot(sessionId, promoted[0]!))?.session : undefined;
    for (const person of promoted) {
      await this.recordUsage(person, 'session.promoted', sessionId, now);
      if (session) await this.tellReminders('promoted', () => this.deps.reminders.waitlistPromoted(person, session, now), sessionId);
    }
    if (promoted.length > 0) this.deps.log.info({ sessionId, promoted: promoted.length }, 'waitlist promoted');
    return promoted.length;
  }

  /**
   * The seat is decided either way; a failure to plan its notices is logged as an error for operators.
   * The planner's writes are idempotent, so pressing Book again while booked repairs the reminders.
   */
  private async tellReminders(event: 'booked' | 'cancelled' | 'promoted', plan: () => Promise<void>, sessionId: string): Promise<void> {
    try {
      await plan();
    } catch (error) {
      this.deps.log.error({ err: error, event, sessionId }, 'could not plan the reminders and notices of a booking change');
    }
  }

  /** Usage feeds recommendations; losing one record must not undo a booking already made. */
  private async recordUsage(person: Person, kind: UsageKind, sessionId: string, at: Date): Promise<void> {
    try {
      await this.deps.usage.record({ ...person, kind, itemType: 'session', itemId: sessionId, at });
    } catch (error) {
      this.deps.log.error({ err: error, kind, sessionId }, 'could not record usage');
    }
  }
}

export type JoinResult =
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'invalid-link' | 'not-found' }
  | { readonly kind: 'cancelled' | 'ended'; readonly session: Session };
