import type { Course, Session } from '../domain/catalog';
import type { CatalogVersionRepository, CourseRepository, Log, SessionRepository } from '../domain/ports';
import { topicSearchText } from '../domain/topics';
import { SearchIndex } from './search-index';

export interface CatalogIndexDependencies {
  readonly sessions: SessionRepository;
  readonly courses: CourseRepository;
  readonly version: CatalogVersionRepository;
  readonly log: Log;
  /** How often to compare the stored catalogue version with the indexed one. Default 5 s. */
  readonly pollIntervalMs?: number;
}

/**
 * The search indexes of sessions and courses, kept fresh on every instance: this process calls
 * `refresh()` right after its own imports, and a timer polls the catalogue version counter (bumped on
 * every import, whichever instance ran it) so other instances follow within one poll interval.
 */
export class CatalogIndex {
  readonly sessions = new SearchIndex<Session>({
    title: (session) => session.title,
    topics: (session) => topicSearchText(session.topics),
    facilitator: (session) => session.facilitator,
    description: (session) => session.description,
  });
  readonly courses = new SearchIndex<Course>({
    title: (course) => course.title,
    topics: (course) => topicSearchText(course.topics),
    description: (course) => course.description,
  });
  /** Every session, soonest first, for listings without words (initial run, filters only). */
  private byStart: Session[] = [];
  private indexedVersion: number | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CatalogIndexDependencies) {}

  /** Builds the index from the store, then starts polling. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.deps.log.error({ err: error }, 'search index refresh failed; the previous index keeps serving'));
    }, this.deps.pollIntervalMs ?? 5_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Brings the index up to the stored catalogue if its version moved. One refresh runs at a time; a
   * call made while one runs makes it go round once more, so no change read mid-way is missed.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.syncOnce();
        } while (this.rerun);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Sessions starting at or after `from`, soonest first. */
  *upcoming(from: Date): IterableIterator<Session> {
    const sessions = this.byStart;
    let low = 0;
    let high = sessions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sessions[middle]!.startsAt.getTime() < from.getTime()) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < sessions.length; index += 1) yield sessions[index]!;
  }

  get version(): number | undefined {
    return this.indexedVersion;
  }

  private async syncOnce(): Promise<void> {
    // The version is read before the data: an import landing mid-way bumps it again, and the next
    // round picks that up; reading it after could mark a half-read catalogue as current.
    const version = await this.deps.version.current();
    if (version === this.indexedVersion) return;
    const started = performance.now();
    const [sessions, courses] = await Promise.all([this.deps.sessions.listAll(), this.deps.courses.listAll()]);
    const sessionReport = await this.sessions.sync(sessions);
    const courseReport = await this.courses.sync(courses);
    this.byStart = [...this.sessions.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || compareIds(a.id, b.id));
    this.indexedVersion = version;
    this.deps.log.info({ version, sessions: sessionReport, courses: courseReport, ms: Math.round(performance.now() - started) }, 'search index refreshed');
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
