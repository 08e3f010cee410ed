import type { BookingSnapshot } from './booking';
import type { Course, Room, Session, SessionChange } from './catalog';
import type { Notice } from './notices';
import type { ConversationReferenceRecord, Person, UserPreferences, UserRecord } from './people';
import type { PersonProfile } from './recommendation/profile';
import type { ItemKey } from './recommendation/signals';
import type { TenantSignals } from './recommendation/tenant-signals';
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
  /** Every topic the courses cover, sorted: what a person may pick as interests. */
  topics(): Promise<string[]>;
  upsertMany(courses: readonly Course[]): Promise<void>;
}

export interface RoomRepository {
  get(id: string): Promise<Room | undefined>;
  getMany(ids: readonly string[]): Promise<Room[]>;
  listAll(): Promise<Room[]>;
  upsertMany(rooms: readonly Room[]): Promise<void>;
}

/** A counter that changes whenever the catalogue does, so every instance can tell its copy is stale. */
export interface CatalogVersionRepository {
  current(): Promise<number>;
  bump(): Promise<number>;
}

export interface UserRepository {
  get(person: Person): Promise<UserRecord | undefined>;
  /** Creates the record on first sight; returns it and whether it was new or its e-mail changed. */
  /** `initial`: preferences a new record starts with (the person's language when first seen). */
  upsertSeen(person: Person, email: string | undefined, now: Date, initial?: UserPreferences): Promise<{ user: UserRecord; created: boolean; emailChanged: boolean }>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  updatePreferences(person: Person, preferences: UserPreferences): Promise<void>;
  /** People who asked for the weekly digest, in pages (`after` is the last user id of the previous page). */
  listDigestSubscribers(limit: number, after?: string): Promise<UserRecord[]>;
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

/** Where capabilities record what people do: `UsageService` (raw record and recommendation aggregates). */
export interface UsageRecorder {
  record(record: UsageRecord): Promise<void>;
}

/**
 * The recommendation aggregates, kept up to date as usage records arrive so that no request scans raw
 * records: each person's profile, and per tenant the distinct-people counts per item and per pair.
 */
export interface UsageAggregateRepository {
  /** Adds one record's signal to the person's profile and, on their first engagement with the item, to their tenant's counts. */
  apply(record: UsageRecord, topics: readonly string[]): Promise<void>;
  profile(person: Person): Promise<PersonProfile>;
  /** The tenant's popularity counts, and the co-occurrence rows of the `sources` items only. */
  tenantSignals(tenantId: string, sources: readonly ItemKey[]): Promise<TenantSignals>;
  /** Remembers that the person is not interested in a course. */
  dismiss(person: Person, courseId: string): Promise<void>;
  /** Deletes the person's profile after taking their contribution out of their tenant's counts. */
  forget(person: Person): Promise<void>;
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

/**
 * Booking state lives on the session document, so one atomic single-document update decides each
 * booking: no transaction, and seats stay exact under any concurrency. Implementations never hand
 * out who else booked; they answer with counts and the asking person's own place.
 */
export interface BookingRepository {
  /** Takes a free seat, or else a place at the end of the waitlist; `none` when neither applied (already held, started, cancelled, unknown). */
  book(sessionId: string, person: Person, now: Date): Promise<{ applied: 'seat' | 'waitlist' | 'none'; snapshot: BookingSnapshot | undefined }>;
  /** Gives up the person's seat (until the start) or waitlist place (`only: 'waitlist'`: never the seat); `none` when nothing applied. */
  release(sessionId: string, person: Person, now: Date, only?: 'waitlist'): Promise<{ applied: 'seat' | 'waitlist' | 'none'; snapshot: BookingSnapshot | undefined }>;
  /** Moves the first waiting people onto free seats, one atomic update each; returns who got a seat, in order. */
  promoteWaiting(sessionId: string, now: Date): Promise<Person[]>;
  snapshot(sessionId: string, person: Person): Promise<BookingSnapshot | undefined>;
  /** Sessions ending after `now` where the person holds a seat or a waitlist place, soonest first. */
  listHeldBy(person: Person, now: Date): Promise<BookingSnapshot[]>;
  /** Remembers a provider's move so booked people see "moved" on their card. */
  recordChanges(changes: readonly SessionChange[], now: Date): Promise<void>;
  /** Erasure: removes the person from every seat and waitlist. Resolves to the number of sessions touched. */
  forget(person: Person): Promise<number>;
}
