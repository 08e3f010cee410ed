import { seatsOpenToNewcomers, type BookingSnapshot, type ViewerPlace } from '../../domain/booking';
import { MAX_SESSION_MINUTES, type Session, type SessionChange } from '../../domain/catalog';
import type { BookingDirectory } from '../../domain/delivery-ports';
import type { Person } from '../../domain/people';
import type { BookingRepository, SeatCounter } from '../../domain/ports';
import type { StoreCollection } from '../collection';
import { toSession, type SessionDocument } from './catalog-repositories';

/** A seat or a waitlist place: who (as an opaque key) and since when. */
interface PlaceEntry {
  key: string;
  at: Date;
}

/**
 * The booking fields kept on each session document beside the catalogue fields. The catalogue import
 * `$set`s only its own fields, so these survive re-imports. `booked` is bounded by `capacity`.
 */
export type BookableSessionDocument = SessionDocument & {
  booked?: PlaceEntry[];
  waitlist?: PlaceEntry[];
  lastMove?: { from: Date; at: Date };
};

type Filter = Record<string, unknown>;
type Applied = 'seat' | 'waitlist' | 'none';

const bookedSize = { $size: { $ifNull: ['$booked', []] } };
const seatFree = { $expr: { $lt: [bookedSize, '$capacity'] } };
const noSeatFree = { $expr: { $gte: [bookedSize, '$capacity'] } };
const nobodyWaiting = { 'waitlist.0': { $exists: false } };
const somebodyWaiting = { 'waitlist.0': { $exists: true } };
/** Attempts per promotion call: a safety bound, far above any real capacity (10,000 in the catalogue schema). */
const MAX_PROMOTION_ATTEMPTS = 20_000;

/**
 * Every change is ONE conditional update of one document (`findOneAndUpdate` whose filter states the
 * rule), which MongoDB and the embedded engine both apply atomically: N seats never hold more than N
 * people, whatever the concurrency, with no transaction. Filters use only `$expr`/`$size`/`$ifNull`,
 * `$exists` on array positions and `$ne` on array fields, which mingo evaluates as MongoDB does
 * (test/contract/booking.contract.test.ts runs them on both engines).
 */
export class StoreBookingRepository implements BookingRepository, SeatCounter, BookingDirectory {
  constructor(private readonly sessions: StoreCollection<BookableSessionDocument>) {}

  async book(sessionId: string, person: Person, now: Date): Promise<{ applied: Applied; snapshot: BookingSnapshot | undefined }> {
    const key = personKey(person);
    const open: Filter = { _id: sessionId, status: { $ne: 'cancelled' }, startsAt: { $gt: now }, 'booked.key': { $ne: key }, 'waitlist.key': { $ne: key } };
    const entry = { key, at: now };
    // A seat only when nobody waits: a freed seat belongs to the head of the waitlist.
    const seated = await this.update({ ...open, ...nobodyWaiting, ...seatFree }, { $push: { booked: entry } });
    if (seated) return { applied: 'seat', snapshot: toSnapshot(seated, key) };
    const waiting = await this.update({ ...open, $or: [somebodyWaiting, noSeatFree] }, { $push: { waitlist: entry } });
    if (waiting) return { applied: 'waitlist', snapshot: toSnapshot(waiting, key) };
    return { applied: 'none', snapshot: await this.snapshot(sessionId, person) };
  }

  async release(sessionId: string, person: Person, now: Date, only?: 'waitlist'): Promise<{ applied: Applied; snapshot: BookingSnapshot | undefined }> {
    const key = personKey(person);
    const freed = only ? null : await this.update({ _id: sessionId, startsAt: { $gt: now }, 'booked.key': key }, { $pull: { booked: { key } } });
    if (freed) return { applied: 'seat', snapshot: toSnapshot(freed, key) };
    const left = await this.update({ _id: sessionId, 'waitlist.key': key }, { $pull: { waitlist: { key } } });
    if (left) return { applied: 'waitlist', snapshot: toSnapshot(left, key) };
    return { applied: 'none', snapshot: await this.snapshot(sessionId, person) };
  }

  async promoteWaiting(sessionId: string, now: Date): Promise<Person[]> {
    const promoted: Person[] = [];
    for (let attempt = 0; attempt < MAX_PROMOTION_ATTEMPTS; attempt += 1) {
      const doc = await this.sessions.findOne({ _id: sessionId }, { projection: { waitlist: { $slice: 1 } } });
      const head = doc?.waitlist?.[0];
      if (!head) break;
      // Conditional on the head still being first: two instances promoting at once move each person once.
      const moved = await this.update(
        { _id: sessionId, status: { $ne: 'cancelled' }, startsAt: { $gt: now }, 'waitlist.0.key': head.key, ...seatFree },
        { $pop: { waitlist: -1 }, $push: { booked: { key: head.key, at: now } } },
      );
      if (moved) {
        promoted.push(personFromKey(head.key));
        continue;
      }
      const current = await this.sessions.findOne({ _id: sessionId }, { projection: { waitlist: { $slice: 1 } } });
      if (current?.waitlist?.[0]?.key === head.key) break; // no free seat, started or cancelled: nothing to promote
    }
    return promoted;
  }

  /** Seats a newcomer could take, per session, for search results: counted in the store, lists never read out. */
  async seatsLeft(sessions: readonly Session[]): Promise<ReadonlyMap<string, number>> {
    const counts = await this.sessions
      .aggregate<{ _id: string; booked: number; waiting: number }>([
        { $match: { _id: { $in: sessions.map((session) => session.id) } } },
        { $project: { booked: { $size: { $ifNull: ['$booked', []] } }, waiting: { $size: { $ifNull: ['$waitlist', []] } } } },
      ])
      .toArray();
    const byId = new Map(counts.map((count) => [count._id, count]));
    return new Map(sessions.map((session) => {
      const count = byId.get(session.id);
      return [session.id, seatsOpenToNewcomers({ session, bookedCount: count?.booked ?? 0, waitlistCount: count?.waiting ?? 0 })];
    }));
  }

  async snapshot(sessionId: string, person: Person): Promise<BookingSnapshot | undefined> {
    const doc = await this.sessions.findOne({ _id: sessionId });
    return doc ? toSnapshot(doc, personKey(person)) : undefined;
  }

  async listHeldBy(person: Person, now: Date): Promise<BookingSnapshot[]> {
    const key = personKey(person);
    // Anything that started longer ago than the longest a session lasts has ended.
    const earliestStart = new Date(now.getTime() - MAX_SESSION_MINUTES * 60_000);
    const docs = await this.sessions
      .find({ $or: [{ 'booked.key': key }, { 'waitlist.key': key }], startsAt: { $gte: earliestStart } }, { sort: { startsAt: 1, _id: 1 } })
      .toArray();
    return docs
      .map((doc) => toSnapshot(doc, key))
      .filter((snapshot) => snapshot.session.startsAt.getTime() + snapshot.session.durationMinutes * 60_000 > now.getTime());
  }

  async recordChanges(changes: readonly SessionChange[], now: Date): Promise<void> {
    for (const change of changes) {
      if (change.kind !== 'moved') continue;
      await this.sessions.updateOne({ _id: change.sessionId }, { $set: { lastMove: { from: change.previousStartsAt, at: now } } });
    }
  }

  /** Who to tell when the provider moves or cancels a session: for notices only, never shown on a card. */
  async audienceOf(sessionId: string): Promise<{ booked: Person[]; waitlisted: Person[] }> {
    const doc = await this.sessions.findOne({ _id: sessionId }, { projection: { booked: 1, waitlist: 1 } });
    return { booked: (doc?.booked ?? []).map((entry) => personFromKey(entry.key)), waitlisted: (doc?.waitlist ?? []).map((entry) => personFromKey(entry.key)) };
  }

  async isBooked(person: Person, sessionId: string): Promise<boolean> {
    return (await this.sessions.countDocuments({ _id: sessionId, 'booked.key': personKey(person) })) > 0;
  }

  async upcomingSessionIdsOf(person: Person, now: Date): Promise<string[]> {
    const docs = await this.sessions.find({ 'booked.key': personKey(person), startsAt: { $gt: now } }, { projection: { _id: 1 }, sort: { startsAt: 1 } }).toArray();
    return docs.map((doc) => doc._id);
  }

  async forget(person: Person): Promise<number> {
    const key = personKey(person);
    const seats = await this.sessions.updateMany({ 'booked.key': key }, { $pull: { booked: { key } } });
    const places = await this.sessions.updateMany({ 'waitlist.key': key }, { $pull: { waitlist: { key } } });
    return seats.modifiedCount + places.modifiedCount;
  }

  private update(filter: Filter, update: Record<string, unknown>): Promise<BookableSessionDocument | null> {
    return this.sessions.findOneAndUpdate(filter, update, { returnDocument: 'after' });
  }
}

/** Tenant ids never contain "|", so the first one separates tenant and user. */
function personKey(person: Person): string {
  return `${person.tenantId}|${person.userId}`;
}

function personFromKey(key: string): Person {
  const split = key.indexOf('|');
  return { tenantId: key.slice(0, split), userId: key.slice(split + 1) };
}

/** Reduces the document to what the asking person may know: counts and their own place. */
function toSnapshot(doc: BookableSessionDocument, key: string): BookingSnapshot {
  const booked = doc.booked ?? [];
  const waitlist = doc.waitlist ?? [];
  return {
    session: toSession(doc),
    bookedCount: booked.length,
    waitlistCount: waitlist.length,
    viewer: placeOf(key, booked, waitlist),
    ...(doc.lastMove ? { lastMove: { from: doc.lastMove.from, at: doc.lastMove.at } } : {}),
  };
}

function placeOf(key: string, booked: readonly PlaceEntry[], waitlist: readonly PlaceEntry[]): ViewerPlace {
  const seat = booked.find((entry) => entry.key === key);
  if (seat) return { kind: 'booked', since: seat.at };
  const index = waitlist.findIndex((entry) => entry.key === key);
  return index >= 0 ? { kind: 'waitlisted', position: index + 1, since: waitlist[index]!.at } : { kind: 'none' };
}
