import type { z } from 'zod';
import { detectSessionChange, type Session, type SessionChange } from '../domain/catalog';
import { CATALOG_JOB_OWNER, noticeKeys } from '../domain/notices';
import type { CatalogVersionRepository, Clock, CourseRepository, Log, NoticeQueue, RoomRepository, SessionRepository } from '../domain/ports';
import { catalogFileSchema, courseRecordSchema, roomRecordSchema, sessionRecordSchema, toCourse, toRoom, toSession } from './catalog-schema';

/** One rejected record: where it is in the file, which field, and why. */
export interface CatalogProblem {
  readonly path: string;
  readonly message: string;
}

export interface ImportReport {
  readonly sessions: { readonly accepted: number; readonly rejected: number };
  readonly courses: { readonly accepted: number; readonly rejected: number };
  readonly rooms: { readonly accepted: number; readonly rejected: number };
  readonly problems: readonly CatalogProblem[];
  /** Sessions whose time or status changed for people already booked. */
  readonly changes: readonly SessionChange[];
  readonly version: number;
}

/** Told after every import, with the new catalogue version (the search index refreshes on this). */
export type CatalogChangeListener = (version: number) => Promise<void>;

export class CatalogImportError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(`The catalogue file is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'CatalogImportError';
  }
}

export class CatalogService {
  private readonly catalogListeners: CatalogChangeListener[] = [];

  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      courses: CourseRepository;
      rooms: RoomRepository;
      version: CatalogVersionRepository;
      /** Where a moved or cancelled session is queued for the people it concerns (the delivery queue). */
      changes: NoticeQueue;
      clock: Clock;
      log: Log;
    },
  ) {}

  onCatalogChange(listener: CatalogChangeListener): void {
    this.catalogListeners.push(listener);
  }

  /**
   * Validates every record, upserts the valid ones by id and reports each invalid one by index and field.
   * Each record is written whole by one single-document update, so nothing is ever half-written.
   */
  async import(file: unknown): Promise<ImportReport> {
    const parsed = catalogFileSchema.safeParse(file);
    if (!parsed.success) throw new CatalogImportError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(file)', message: describe(issue) })));
    const problems: CatalogProblem[] = [];
    const sessions = validateAll('sessions', parsed.data.sessions, sessionRecordSchema, problems).map(toSession);
    const courses = validateAll('courses', parsed.data.courses, courseRecordSchema, problems).map(toCourse);
    const rooms = validateAll('rooms', parsed.data.rooms, roomRecordSchema, problems).map(toRoom);

    const changes = await this.detectChanges(sessions);
    await this.queueChanges(changes);
    await this.deps.sessions.upsertMany(sessions);
    await this.deps.courses.upsertMany(courses);
    await this.deps.rooms.upsertMany(rooms);
    const version = await this.deps.version.bump();
    this.deps.log.info({ sessions: sessions.length, courses: courses.length, rooms: rooms.length, rejected: problems.length, changes: changes.length, version }, 'catalogue imported');
    await this.announceVersion(version);
    return {
      sessions: { accepted: sessions.length, rejected: parsed.data.sessions.length - sessions.length },
      courses: { accepted: courses.length, rejected: parsed.data.courses.length - courses.length },
      rooms: { accepted: rooms.length, rejected: parsed.data.rooms.length - rooms.length },
      problems,
      changes,
      version,
    };
  }

  /** True for a store that never held a catalogue (the demo catalogue is loaded only then). */
  async isEmpty(): Promise<boolean> {
    if ((await this.deps.version.current()) > 0) return false;
    return (await this.deps.sessions.listAll()).length === 0 && (await this.deps.courses.listAll()).length === 0;
  }

  private async detectChanges(incoming: readonly Session[]): Promise<SessionChange[]> {
    const stored = new Map((await this.deps.sessions.getMany(incoming.map((s) => s.id))).map((s) => [s.id, s]));
    return incoming.flatMap((next) => {
      const previous = stored.get(next.id);
      const change = previous ? detectSessionChange(previous, next) : undefined;
      return change ? [change] : [];
    });
  }

  /**
   * Queued before the sessions are written: if the process dies between the two, the change still
   * reaches everyone booked or waiting (its job re-checks the stored session when it runs).
   */
  private async queueChanges(changes: readonly SessionChange[]): Promise<void> {
    const importedAt = this.deps.clock.now();
    for (const change of changes) {
      await this.deps.changes.enqueue({
        key: noticeKeys.catalogChange(change.sessionId, importedAt), person: CATALOG_JOB_OWNER, dueAt: importedAt, payload: { kind: 'session.changed', change },
      });
    }
  }

  private async announceVersion(version: number): Promise<void> {
    for (const listener of this.catalogListeners) {
      await listener(version).catch((error: unknown) => this.deps.log.error({ err: error, version }, 'catalogue change listener failed'));
    }
  }
}

function validateAll<S extends z.ZodType>(section: string, records: readonly unknown[], schema: S, problems: CatalogProblem[]): z.infer<S>[] {
  const valid: z.infer<S>[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ path: `${section}[${index}].${issue.path.join('.') || '(record)'}`, message: describe(issue) });
      return;
    }
    const id = (result.data as { id: string }).id;
    if (seen.has(id)) {
      problems.push({ path: `${section}[${index}].id`, message: `duplicates the id "${id}" of an earlier record` });
      return;
    }
    seen.add(id);
    valid.push(result.data);
  });
  return valid;
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? 'is required' : issue.message;
}
