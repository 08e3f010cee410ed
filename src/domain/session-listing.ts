import { hasStarted, type Course, type Session } from './catalog';
import type { SearchFilters } from './search-query';

/** What anyone (not a particular viewer) can tell about a session from the catalogue and its seats. */
export type PublicSessionState = 'open' | 'full' | 'started' | 'cancelled';

/** Search lists sessions that have not started and are not cancelled; full ones stay listed (waitlist). */
export function isListed(session: Session, now: Date): boolean {
  return session.status !== 'cancelled' && !hasStarted(session, now);
}

export function publicState(session: Session, seatsLeft: number, now: Date): PublicSessionState {
  if (session.status === 'cancelled') return 'cancelled';
  if (hasStarted(session, now)) return 'started';
  return seatsLeft > 0 ? 'open' : 'full';
}

export function sessionMatchesFilters(session: Session, filters: SearchFilters): boolean {
  if (filters.languages.length > 0 && !filters.languages.includes(session.language)) return false;
  if (filters.days.length === 0) return true;
  const start = session.startsAt.getTime();
  return filters.days.some((range) => start >= range.from.getTime() && start < range.to.getTime());
}

export function courseMatchesFilters(course: Course, filters: SearchFilters): boolean {
  return filters.languages.length === 0 || filters.languages.includes(course.language);
}
