import type { Course, Session } from './catalog';
import type { Notice } from './notices';
import type { ConversationReferenceRecord, Person, UserPreferences, UserRecord } from './people';
import type { UsageRecord } from './usage';

/** Time is passed in, never read: tests use a fixed clock. */
export interface Clock {
  now(): Date;
}

/** The slice of a structured logger the core uses (pino's Logger satisfies it). */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Log;
}

export interface SessionRepository {
  get(id: string): Promise<Session | undefined>;
  getMany(ids: readonly string[]): Promise<Session[]>;
  /** Sessions starting at or after `from`, soonest first. */
  listUpcoming(from: Date, limit?: number): Promise<Session[]>;
  listAll(): Promise<Session[]>;
  /** Writes the catalogue fields of each session, keeping whatever else the store holds for it (bookings). */
  upsertMany(sessions: readonly Session[]): Promise<void>;
}

export interface CourseRepository {
  get(id: string): Promise<Course | undefined>;
  getMany(ids: readonly string[]): Promise<Course[]>;
  listAll(): Promise<Course[]>;
  upsertMany(courses: readonly Course[]): Promise<void>;
}

/** A counter that changes whenever the catalogue does, so every instance can tell its copy is stale. */
export interface CatalogVersionRepository {
  current(): Promise<number>;
  bump(): Promise<number>;
}

export interface UserRepository {
  get(person: Person): Promise<UserRecord | undefined>;
  /** Creates the record on first sight; returns it and whether it was new or its e-mail changed. */
  upsertSeen(person: Person, email: string | undefined, now: Date): Promise<{ user: UserRecord; created: boolean; emailChanged: boolean }>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  updatePreferences(person: Person, preferences: UserPreferences): Promise<void>;
  delete(person: Person): Promise<boolean>;
}

export interface ConversationReferenceRepository {
  save(record: ConversationReferenceRecord): Promise<void>;
  get(person: Person): Promise<ConversationReferenceRecord | undefined>;
  delete(person: Person): Promise<boolean>;
}

export interface UsageRepository {
  record(record: UsageRecord): Promise<void>;
  listFor(person: Person): Promise<UsageRecord[]>;
  deleteFor(person: Person): Promise<number>;
}

/** The persisted delivery queue, as producers (booking, catalogue, recommendations) see it. */
export interface NoticeQueue {
  /** Queues the notice unless one with the same key exists; resolves true when it was new. */
  enqueue(notice: Notice): Promise<boolean>;
  /** Drops queued, undelivered notices for a person matching a key prefix (e.g. a cancelled booking's reminders). */
  cancelPending(person: Person, keyPrefix: string): Promise<number>;
}

/**
 * Seats still free per session, read from where bookings are counted. Sessions missing from the
 * answer are taken as having their whole capacity free.
 */
export interface SeatCounter {
  seatsLeft(sessions: readonly Session[]): Promise<ReadonlyMap<string, number>>;
}

/**
 * Course ids worth showing first when a person opens course search without typing: the most used
 * ones for now; recommendations can personalise it for `person` later through this same port.
 */
export interface CoursePopularity {
  mostPopular(person: Person | undefined, limit: number): Promise<string[]>;
}
