import { endsAt, hasStarted, type Session } from './catalog';

/**
 * How one viewer sees one session (DESIGN.md §4): the cards render it, the rules below decide it.
 * - `open`: seats left, Book offered
 * - `full`: no seat left, joining the waitlist offered
 * - `booked`: ✓ booked, Cancel, Add to calendar, and Join from 10 minutes before the start
 * - `waitlisted`: waitlist position, Leave waitlist
 * - `started`: the session has begun (booking closed; Join for booked people while it runs)
 * - `cancelled`: the provider cancelled it
 */
export type ViewerState = 'open' | 'full' | 'booked' | 'waitlisted' | 'started' | 'cancelled';

/** The Join button shows from this long before the start (issue #5). */
export const JOIN_OPENS_BEFORE_MS = 10 * 60_000;

/** Where the viewer stands on one session; the store tells only the viewer's own place, never others'. */
export type ViewerPlace =
  | { readonly kind: 'none' }
  | { readonly kind: 'booked'; readonly since: Date }
  | { readonly kind: 'waitlisted'; readonly position: number; readonly since: Date };

/** One session's booking state as one viewer may know it: counts, and their own place. */
export interface BookingSnapshot {
  readonly session: Session;
  readonly bookedCount: number;
  readonly waitlistCount: number;
  readonly viewer: ViewerPlace;
  /** The last time the provider moved the session, and from when. */
  readonly lastMove?: { readonly from: Date; readonly at: Date };
}

/** What a person sees of a session, before language and card layout are applied. */
export interface SessionForViewer {
  readonly session: Session;
  readonly state: ViewerState;
  readonly seatsLeft: number;
  readonly waitlistPosition?: number;
  readonly joinUrl?: string;
  readonly calendarUrl?: string;
  readonly movedFrom?: Date;
}

export function seatsLeft(snapshot: Pick<BookingSnapshot, 'session' | 'bookedCount'>): number {
  return Math.max(0, snapshot.session.capacity - snapshot.bookedCount);
}

export function viewerState(snapshot: BookingSnapshot, now: Date): ViewerState {
  if (snapshot.session.status === 'cancelled') return 'cancelled';
  if (hasStarted(snapshot.session, now)) return 'started';
  if (snapshot.viewer.kind === 'booked') return 'booked';
  if (snapshot.viewer.kind === 'waitlisted') return 'waitlisted';
  return seatsLeft(snapshot) > 0 && snapshot.waitlistCount === 0 ? 'open' : 'full';
}

/** A booked person may join from 10 minutes before the start until the end, unless it was cancelled. */
export function canJoin(snapshot: BookingSnapshot, now: Date): boolean {
  return snapshot.viewer.kind === 'booked' && isJoinWindow(snapshot.session, now);
}

export function isJoinWindow(session: Session, now: Date): boolean {
  const t = now.getTime();
  return session.status !== 'cancelled' && t >= session.startsAt.getTime() - JOIN_OPENS_BEFORE_MS && t < endsAt(session).getTime();
}

/** Shown to a booked person whose session the provider moved after they booked. */
export function movedSinceBooking(snapshot: BookingSnapshot): Date | undefined {
  const { viewer, lastMove } = snapshot;
  if (viewer.kind === 'none' || !lastMove) return undefined;
  return lastMove.at.getTime() > viewer.since.getTime() ? lastMove.from : undefined;
}

/**
 * Whether a seat is free for a newcomer: a seat freed while people wait belongs to the first of them
 * (first come, first served), so a newcomer never jumps the queue.
 */
export function hasSeatForNewcomer(snapshot: Pick<BookingSnapshot, 'session' | 'bookedCount' | 'waitlistCount'>): boolean {
  return seatsOpenToNewcomers(snapshot) > 0;
}

/** Seats a newcomer could book now (what search results show): none while people wait. */
export function seatsOpenToNewcomers(snapshot: Pick<BookingSnapshot, 'session' | 'bookedCount' | 'waitlistCount'>): number {
  return snapshot.waitlistCount > 0 ? 0 : seatsLeft(snapshot);
}

/** Seats the waitlist should receive now (after a cancel, or when the provider adds seats). */
export function seatsToPromote(snapshot: Pick<BookingSnapshot, 'session' | 'bookedCount' | 'waitlistCount'>, now: Date): number {
  if (snapshot.session.status === 'cancelled' || hasStarted(snapshot.session, now)) return 0;
  return Math.min(snapshot.waitlistCount, seatsLeft(snapshot));
}
