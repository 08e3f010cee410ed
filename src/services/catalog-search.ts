import type { Course, Session } from '../domain/catalog';
import type { TimeZone } from '../domain/local-time';
import type { Person } from '../domain/people';
import type { Clock, CoursePopularity, SeatCounter } from '../domain/ports';
import { parseSearchQuery, type ParsedSearchQuery } from '../domain/search-query';
import { rankMatches } from '../domain/search-ranking';
import { courseMatchesFilters, isListed, publicState, sessionMatchesFilters, type PublicSessionState } from '../domain/session-listing';
import type { CatalogIndex } from './catalog-index';

export interface SearchRequest {
  /** What the person typed; empty on the initial run. */
  readonly text: string;
  /** The viewer's zone, for day words such as "tomorrow". */
  readonly timeZone: TimeZone;
  readonly skip: number;
  readonly count: number;
  readonly person?: Person;
}

export interface SessionResult {
  readonly session: Session;
  readonly seatsLeft: number;
  readonly state: PublicSessionState;
}

/** Until bookings are counted, every session has its whole capacity free. */
export const capacitySeatCounter: SeatCounter = {
  seatsLeft: async (sessions) => new Map(sessions.map((session) => [session.id, session.capacity])),
};

/**
 * The initial run looks this far down the calendar for sessions with a free seat: enough to fill
 * any page Teams asks for, bounded so a fully booked month cannot make one keystroke slow.
 */
const MAX_SCANNED_FOR_SEATS = 2_000;

/** Searches the catalogue as people type in the compose box: sessions and courses, one page at a time. */
export class CatalogSearchService {
  constructor(private readonly deps: { index: CatalogIndex; seats: SeatCounter; popularity: CoursePopularity; clock: Clock }) {}

  /**
   * Words: best matches first (domain/search-ranking). Only filters: every listed session that
   * passes them, soonest first. Nothing typed: the soonest sessions that still have a seat.
   */
  async searchSessions(request: SearchRequest): Promise<SessionResult[]> {
    const now = this.deps.clock.now();
    const query = parseSearchQuery(request.text, { now, timeZone: request.timeZone, dayFilters: true });
    const accept = (session: Session) => isListed(session, now) && sessionMatchesFilters(session, query.filters);
    if (query.terms.length > 0) {
      const ranked = rankMatches(this.deps.index.sessions.search(query.terms, accept), query.terms.length, (session) => session.startsAt.getTime());
      return this.withSeats(ranked.slice(request.skip, request.skip + request.count).map((match) => match.item), now);
    }
    if (hasFilters(query)) {
      return this.withSeats(take(filter(this.deps.index.upcoming(now), accept), request.skip, request.count), now);
    }
    if (request.text.trim() !== '') return []; // only symbols or emoji: nothing to look for
    return this.soonestWithSeats(now, request.skip, request.count);
  }

  /** Words: best matches first. Otherwise the most popular courses (for this person, when the port knows). */
  async searchCourses(request: SearchRequest): Promise<Course[]> {
    const query = parseSearchQuery(request.text, { now: this.deps.clock.now(), timeZone: request.timeZone, dayFilters: false });
    const accept = (course: Course) => courseMatchesFilters(course, query.filters);
    if (query.terms.length > 0) {
      const ranked = rankMatches(this.deps.index.courses.search(query.terms, accept), query.terms.length);
      return ranked.slice(request.skip, request.skip + request.count).map((match) => match.item);
    }
    if (!hasFilters(query) && request.text.trim() !== '') return [];
    const popular = await this.deps.popularity.mostPopular(request.person, request.skip + request.count);
    return take(filter(this.popularFirst(popular), accept), request.skip, request.count);
  }

  /** One session as anyone sees it now, whether or not it is still listed (for card refreshes). */
  async session(sessionId: string): Promise<SessionResult | undefined> {
    const session = this.deps.index.sessions.get(sessionId);
    if (!session) return undefined;
    const now = this.deps.clock.now();
    const seatsLeft = (await this.deps.seats.seatsLeft([session])).get(session.id) ?? session.capacity;
    return { session, seatsLeft, state: publicState(session, seatsLeft, now) };
  }

  private async soonestWithSeats(now: Date, skip: number, count: number): Promise<SessionResult[]> {
    const open: SessionResult[] = [];
    const candidates = filter(this.deps.index.upcoming(now), (session) => isListed(session, now));
    const batchSize = Math.max(50, (skip + count) * 2);
    for (let scanned = 0; open.length < skip + count && scanned < MAX_SCANNED_FOR_SEATS; scanned += batchSize) {
      const batch = take(candidates, 0, batchSize);
      if (batch.length === 0) break;
      open.push(...(await this.withSeats(batch, now)).filter((result) => result.state === 'open'));
    }
    return open.slice(skip, skip + count);
  }

  private async withSeats(sessions: readonly Session[], now: Date): Promise<SessionResult[]> {
    if (sessions.length === 0) return [];
    const seats = await this.deps.seats.seatsLeft(sessions);
    return sessions.map((session) => {
      const seatsLeft = Math.max(0, seats.get(session.id) ?? session.capacity);
      return { session, seatsLeft, state: publicState(session, seatsLeft, now) };
    });
  }

  private *popularFirst(popularIds: readonly string[]): IterableIterator<Course> {
    const shown = new Set<string>();
    for (const id of popularIds) {
      const course = this.deps.index.courses.get(id);
      if (course && !shown.has(id)) {
        shown.add(id);
        yield course;
      }
    }
    for (const course of this.deps.index.courses.values()) if (!shown.has(course.id)) yield course;
  }
}

function hasFilters(query: ParsedSearchQuery): boolean {
  return query.filters.languages.length > 0 || query.filters.days.length > 0;
}

function* filter<T>(items: Iterable<T>, accept: (item: T) => boolean): IterableIterator<T> {
  for (const item of items) if (accept(item)) yield item;
}

/** Items `skip` to `skip + count` of an iterator, consuming no more than that (it may be read on). */
function take<T>(items: Iterator<T>, skip: number, count: number): T[] {
  const page: T[] = [];
  for (let index = 0; page.length < count; index += 1) {
    const next = items.next();
    if (next.done) break;
    if (index >= skip) page.push(next.value);
  }
  return page;
}
