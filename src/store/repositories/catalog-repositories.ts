import type { Course, Room, Session } from '../../domain/catalog';
import type { CatalogVersionRepository, CourseRepository, RoomRepository, SessionRepository } from '../../domain/ports';
import type { StoreCollection } from '../collection';

type CatalogFields<T extends { id: string }> = Omit<T, 'id'>;
export type SessionDocument = CatalogFields<Session> & { _id: string };
export type CourseDocument = CatalogFields<Course> & { _id: string };
export type RoomDocument = CatalogFields<Room> & { _id: string };
export interface MetaDocument { _id: string; version: number }

export class StoreSessionRepository implements SessionRepository {
  constructor(private readonly sessions: StoreCollection<SessionDocument>) {}

  async get(id: string): Promise<Session | undefined> {
    const doc = await this.sessions.findOne({ _id: id }, { projection: SESSION_PROJECTION });
    return doc ? toSession(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Session[]> {
    const docs = await this.sessions.find({ _id: { $in: [...ids] } }, { projection: SESSION_PROJECTION }).toArray();
    return docs.map(toSession);
  }

  async listUpcoming(from: Date, limit = 1_000): Promise<Session[]> {
    const docs = await this.sessions
      .find({ startsAt: { $gte: from } }, { projection: SESSION_PROJECTION, sort: { startsAt: 1, _id: 1 }, limit })
      .toArray();
    return docs.map(toSession);
  }

  async listAll(): Promise<Session[]> {
    return (await this.sessions.find({}, { projection: SESSION_PROJECTION }).toArray()).map(toSession);
  }

  async upsertMany(sessions: readonly Session[]): Promise<void> {
    for (const { id, ...fields } of sessions) {
      // $set names only the catalogue fields: booking state kept on the same document is left alone.
      await this.sessions.updateOne({ _id: id }, { $set: { ...fields, topics: [...fields.topics] } }, { upsert: true });
    }
  }
}

export class StoreCourseRepository implements CourseRepository {
  constructor(private readonly courses: StoreCollection<CourseDocument>) {}

  async get(id: string): Promise<Course | undefined> {
    const doc = await this.courses.findOne({ _id: id });
    return doc ? toCourse(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Course[]> {
    return (await this.courses.find({ _id: { $in: [...ids] } }).toArray()).map(toCourse);
  }

  async listAll(): Promise<Course[]> {
    return (await this.courses.find({}).toArray()).map(toCourse);
  }

  async topics(): Promise<string[]> {
    const rows = await this.courses.aggregate<{ _id: string }>([{ $unwind: '$topics' }, { $group: { _id: '$topics' } }, { $sort: { _id: 1 } }]).toArray();
    return rows.map((row) => row._id);
  }

  async upsertMany(courses: readonly Course[]): Promise<void> {
    for (const { id, ...fields } of courses) {
      await this.courses.updateOne({ _id: id }, { $set: { ...fields, topics: [...fields.topics] } }, { upsert: true });
    }
  }
}

export class StoreRoomRepository implements RoomRepository {
  constructor(private readonly rooms: StoreCollection<RoomDocument>) {}

  async get(id: string): Promise<Room | undefined> {
    const doc = await this.rooms.findOne({ _id: id });
    return doc ? toRoom(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Room[]> {
    return (await this.rooms.find({ _id: { $in: [...ids] } }).toArray()).map(toRoom);
  }

  async listAll(): Promise<Room[]> {
    return (await this.rooms.find({}).toArray()).map(toRoom);
  }

  async upsertMany(rooms: readonly Room[]): Promise<void> {
    for (const { id, ...fields } of rooms) {
      await this.rooms.updateOne({ _id: id }, { $set: { ...fields, topics: [...fields.topics] } }, { upsert: true });
    }
  }
}

export class StoreCatalogVersionRepository implements CatalogVersionRepository {
  constructor(private readonly meta: StoreCollection<MetaDocument>) {}

  async current(): Promise<number> {
    return (await this.meta.findOne({ _id: 'catalog' }))?.version ?? 0;
  }

  async bump(): Promise<number> {
    const doc = await this.meta.findOneAndUpdate({ _id: 'catalog' }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' });
    return doc?.version ?? 0;
  }
}

const SESSION_PROJECTION = {
  title: 1, description: 1, topics: 1, facilitator: 1, startsAt: 1, durationMinutes: 1, capacity: 1, language: 1, joinUrl: 1, status: 1,
};

export function toSession(doc: SessionDocument): Session {
  return {
    id: doc._id,
    title: doc.title,
    description: doc.description,
    topics: doc.topics,
    facilitator: doc.facilitator,
    startsAt: doc.startsAt,
    durationMinutes: doc.durationMinutes,
    capacity: doc.capacity,
    language: doc.language,
    joinUrl: doc.joinUrl,
    status: doc.status ?? 'scheduled',
  };
}

function toCourse(doc: CourseDocument): Course {
  return {
    id: doc._id,
    title: doc.title,
    description: doc.description,
    topics: doc.topics,
    durationMinutes: doc.durationMinutes,
    language: doc.language,
    url: doc.url,
  };
}

function toRoom(doc: RoomDocument): Room {
  return { id: doc._id, title: doc.title, description: doc.description, topics: doc.topics, language: doc.language, url: doc.url };
}
