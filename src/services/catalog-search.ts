import type { Course, Session } from '../domain/catalog';
import type { TimeZone } from '../domain/local-time';
import type { Person } from '../domain/people';
import type { Clock, CoursePopularity, SeatCounter } from '../domain/ports';
import { parseSearchQuery, type ParsedSearchQuery } from '../domain/search-query';
import { bestMatches } from '../domain/search-ranking';
import { courseMatchesFilters, isListed, publicState, sessionMatchesFilters, type PublicSessionState } from '../domain/session-listing';
import type { CatalogIndex } from './catalog-index';
import { LruCache } from './lru-cache';

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

/**
 * The initial run looks this far down the calendar for sessions with a free seat: enough to fill
 * any page Teams asks for, bounded so a fully booked month cannot make one keystroke slow.
 */
const MAX_SCANNED_FOR_SEATS = 2_000;

/**
 * Rankings kept per query: Teams shows at most 100 results (facts §1.5), so the best 100 serve every
 * page of a query, and people typing the same first letters share them. Keys carry the catalogue
 * version, so an import makes them unreachable; sessions that started since are dropped on reading.
 */
const CACHED_RESULTS = 100;

export interface CatalogSearchDependencies {
  readonly index: CatalogIndex;
  readonly seats: SeatCounter;
  readonly popularity: CoursePopularity;
  readonly clock: Clock;
  /** How many query rankings to keep (0: none). Default 1,000. */
  readonly cachedQueries?: number;
}

/** Searches the catalogue as people type in the compose box: sessions and courses, one page at a time. */
export class CatalogSearchService {
  private readonly rankings: LruCache<readonly (Session | Course)[]>;

  constructor(private readonly deps: CatalogSearchDependencies) {
    this.rankings = new LruCache(deps.cachedQueries ?? 1_000);
  }

  /**
   * Words: best matches first (domain/search-ranking). Only filters: every listed session that
   * passes them, soonest first. Nothing typed: the soonest sessions that still have a seat.
   */
  async searchSessions(request: SearchRequest): Promise<SessionResult[]> {
    const now = this.deps.clock.now();
    const query = parseSearchQuery(request.text, { now, timeZone: request.timeZone, dayFilters: true });
    const accept = (session: Session) => isListed(session, now) && sessionMatchesFilters(session, query.filters);
    if (query.terms.length > 0) {
      const ranked = this.ranked<Session>('sessions', query, request.skip + request.count, (session) => isListed(session, now), (limit) => {
        const matches = this.deps.index.sessions.search(query.terms, accept, { narrow: hasFilters(query) });
        return bestMatches(matches, query.terms.length, limit, (session) => session.startsAt.getTime()).map((match) => match.item);
      });
      return this.withSeats(ranked.slice(request.skip), now);
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
      const ranked = this.ranked<Course>('courses', query, request.skip + request.count, () => true, (limit) => {
        const matches = this.deps.index.courses.search(query.terms, accept, { narrow: hasFilters(query) });
        return bestMatches(matches, query.terms.length, limit).map((match) => match.item);
      });
      return ranked.slice(request.skip);
    }
    if (!hasFilters(query) && request.text.trim() !== '') return [];
    const popular = await this.deps.popularity.mostPopular(request.person, request.skip + request.count);
    return take(filter(this.popularFirst(popular), accept), request.skip, request.count);
  }

  /**
   * The best `limit` items for a query, from the cache when it holds enough of them still `listed`.
   * Queries with day words are not cached (their ranges move with the clock; they are narrow and fast).
   */
  private ranked<T extends Session | Course>(
    kind: 'sessions' | 'courses', query: ParsedSearchQuery, limit: number, listed: (item: T) => boolean, rank: (limit: number) => T[],
  ): T[] {
    const key = limit <= CACHED_RESULTS && query.filters.days.length === 0
      ? `${kind}|${this.deps.index.version}|${query.filters.languages.join(',')}|${query.terms.join(' ')}`
      : undefined;
    const cached = key === undefined ? undefined : (this.rankings.get(key) as T[] | undefined);
    if (cached) {
      const stillListed = cached.filter(listed);
      if (stillListed.length >= limit || cached.length < CACHED_RESULTS) return stillListed.slice(0, limit);
    }
    const best = rank(key === undefined ? limit : CACHED_RESULTS);
    if (key !== undefined) this.rankings.set(key, best);
    return best.slice(0, limit);
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
