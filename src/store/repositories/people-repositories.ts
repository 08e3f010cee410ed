import type { ConversationReferenceRecord, Person, UserPreferences, UserRecord } from '../../domain/people';
import type { ConversationReferenceRepository, UserRepository } from '../../domain/ports';
import type { StoreCollection } from '../collection';

export interface UserDocument {
  _id: string;
  tenantId: string;
  email?: string;
  preferences: UserPreferences;
  createdAt: Date;
}

export interface ConversationReferenceDocument {
  _id: string;
  tenantId: string;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

/** Users are keyed by their Entra object id; the tenant is part of every lookup so tenants never mix. */
export class StoreUserRepository implements UserRepository {
  constructor(private readonly users: StoreCollection<UserDocument>) {}

  async get(person: Person): Promise<UserRecord | undefined> {
    const doc = await this.users.findOne({ _id: person.userId, tenantId: person.tenantId });
    return doc ? toUser(doc) : undefined;
  }

  async upsertSeen(person: Person, email: string | undefined, now: Date, initial: UserPreferences = {}) {
    const lowered = email?.toLowerCase();
    const before = await this.users.findOneAndUpdate(
      { _id: person.userId, tenantId: person.tenantId },
      { $setOnInsert: { createdAt: now, preferences: initial }, ...(lowered ? { $set: { email: lowered } } : {}) },
      { upsert: true, returnDocument: 'before' },
    );
    // One round trip: the record as it now is follows from what it was and what this update set.
    const user: UserRecord = before
      ? { ...toUser(before), email: lowered ?? before.email }
      : { ...person, email: lowered, preferences: initial, createdAt: now };
    return { user, created: before === null, emailChanged: before !== null && lowered !== undefined && before.email !== lowered };
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const doc = await this.users.findOne({ email: email.toLowerCase() });
    return doc ? toUser(doc) : undefined;
  }

  async updatePreferences(person: Person, preferences: UserPreferences): Promise<void> {
    const set = Object.fromEntries(Object.entries(preferences).map(([key, value]) => [`preferences.${key}`, value]));
    await this.users.updateOne({ _id: person.userId, tenantId: person.tenantId }, { $set: set });
  }

  async listDigestSubscribers(limit: number, after?: string): Promise<UserRecord[]> {
    const filter = { 'preferences.weeklyDigest': true, ...(after === undefined ? {} : { _id: { $gt: after } }) };
    return (await this.users.find(filter, { sort: { _id: 1 }, limit }).toArray()).map(toUser);
  }

  async delete(person: Person): Promise<boolean> {
    return (await this.users.deleteOne({ _id: person.userId, tenantId: person.tenantId })).deletedCount > 0;
  }
}

export class StoreConversationReferenceRepository implements ConversationReferenceRepository {
  constructor(private readonly references: StoreCollection<ConversationReferenceDocument>) {}

  async save(record: ConversationReferenceRecord): Promise<void> {
    await this.references.updateOne(
      { _id: record.userId, tenantId: record.tenantId },
      { $set: { reference: { ...record.reference }, updatedAt: record.updatedAt } },
      { upsert: true },
    );
  }

  async get(person: Person): Promise<ConversationReferenceRecord | undefined> {
    const doc = await this.references.findOne({ _id: person.userId, tenantId: person.tenantId });
    return doc ? { userId: doc._id, tenantId: doc.tenantId, reference: doc.reference, updatedAt: doc.updatedAt } : undefined;
  }

  async delete(person: Person): Promise<boolean> {
    return (await this.references.deleteOne({ _id: person.userId, tenantId: person.tenantId })).deletedCount > 0;
  }
}

function toUser(doc: UserDocument): UserRecord {
  return { userId: doc._id, tenantId: doc.tenantId, email: doc.email, preferences: doc.preferences ?? {}, createdAt: doc.createdAt };
}
