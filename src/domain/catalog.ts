/** Catalogue ids (sessions, courses, rooms): 1–64 letters, digits, "-", "_" or ".", starting with a letter or digit. */
export const CATALOG_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export type SessionStatus = 'scheduled' | 'cancelled';

/**
 * The longest a session lasts. The catalogue import refuses longer ones, and queries rely on it: a
 * session that started longer ago than this has ended.
 */
export const MAX_SESSION_MINUTES = 480;

/** A live group session as the provider publishes it in the catalogue. */
export interface Session {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly facilitator: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly capacity: number;
  readonly language: Language;
  readonly joinUrl: string;
  readonly status: SessionStatus;
}

/** An on-demand course. */
export interface Course {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly durationMinutes: number;
  readonly language: Language;
  readonly url: string;
}

/** A viewing room: an on-demand space (recorded talks, guided practice) open at any time at its url. */
export interface Room {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly language: Language;
  readonly url: string;
}

export function endsAt(session: Pick<Session, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
}

export function hasStarted(session: Pick<Session, 'startsAt'>, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime();
}

/** What changed for people already booked when the catalogue updates a session. */
export type SessionChange =
  | { readonly kind: 'moved'; readonly sessionId: string; readonly previousStartsAt: Date; readonly startsAt: Date }
  | { readonly kind: 'cancelled'; readonly sessionId: string };

/** Compares the stored and the incoming version of a session; undefined when booked people need not hear. */
export function detectSessionChange(previous: Session, next: Session): SessionChange | undefined {
  if (previous.status !== 'cancelled' && next.status === 'cancelled') return { kind: 'cancelled', sessionId: next.id };
  if (next.status === 'scheduled' && previous.startsAt.getTime() !== next.startsAt.getTime()) {
    return { kind: 'moved', sessionId: next.id, previousStartsAt: previous.startsAt, startsAt: next.startsAt };
  }
  return undefined;
}
