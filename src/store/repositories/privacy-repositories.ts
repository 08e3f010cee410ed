import type { Person } from '../../domain/people';
import type { AuditEntry } from '../../domain/privacy';
import type { AuditLog, PersonalDataHolder, UsedTokenRepository } from '../../domain/privacy-ports';
import type { StoreCollection } from '../collection';
import { isDuplicateKeyError } from '../collection';
import type { DeliveryDocument } from './delivery-queue';
import type { ConversationReferenceDocument, UserDocument } from './people-repositories';
import type { UsageDocument } from './usage-repository';

export type AuditDocument = AuditEntry & { _id: string };

/** The audit trail: append-only, and by construction of AuditEntry free of personal data. */
export class StoreAuditLog implements AuditLog {
  constructor(private readonly audit: StoreCollection<AuditDocument>) {}

  async record(entry: AuditEntry): Promise<void> {
    // Keyed by request and action, so a job that runs twice (crash between two steps) records once.
    await this.audit.updateOne({ _id: `${entry.requestId}:${entry.action}` }, { $setOnInsert: { ...entry } }, { upsert: true });
  }
}

export interface UsedTokenDocument {
  _id: string;
  expiresAt: Date;
}

/** The unique `_id` decides which redemption wins, on both engines, with no read-then-write race. */
export class StoreUsedTokens implements UsedTokenRepository {
  constructor(private readonly tokens: StoreCollection<UsedTokenDocument>) {}

  async consume(tokenId: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.tokens.insertOne({ _id: tokenId, expiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

const byPerson = (person: Person) => ({ _id: person.userId, tenantId: person.tenantId });
const ofPerson = (person: Person) => ({ userId: person.userId, tenantId: person.tenantId });

/** The person's own record: id, tenant, e-mail, preferences, first seen. */
export function usersHolder(users: StoreCollection<UserDocument>): PersonalDataHolder {
  return {
    name: 'users',
    exportFor: async (person) => {
      const doc = await users.findOne(byPerson(person));
      return doc ? { userId: doc._id, tenantId: doc.tenantId, email: doc.email, preferences: doc.preferences, createdAt: doc.createdAt } : null;
    },
    eraseFor: async (person) => (await users.deleteOne(byPerson(person))).deletedCount,
  };
}

/** The reference of the person's chat with the bot (ids only), for reminders. */
export function conversationReferencesHolder(references: StoreCollection<ConversationReferenceDocument>): PersonalDataHolder {
  return {
    name: 'conversationReferences',
    exportFor: async (person) => {
      const doc = await references.findOne(byPerson(person));
      return doc ? { reference: doc.reference, updatedAt: doc.updatedAt } : null;
    },
    eraseFor: async (person) => (await references.deleteOne(byPerson(person))).deletedCount,
  };
}

/** Every usage record (booked, attended, viewed…), kept until the person asks to be forgotten. */
export function usageHolder(usage: StoreCollection<UsageDocument>): PersonalDataHolder {
  return {
    name: 'usage',
    exportFor: async (person) => (await usage.find(ofPerson(person), { sort: { at: 1 } }).toArray()).map(({ _id, userId: _u, tenantId: _t, ...record }) => record),
    eraseFor: async (person) => (await usage.deleteMany(ofPerson(person))).deletedCount,
  };
}

/**
 * Queued deliveries for the person (reminders, notices, CRM retries). The erasure job itself stays
 * until it completes: it is what finishes the erasure when the CRM was down.
 */
export function deliveriesHolder(deliveries: StoreCollection<DeliveryDocument>): PersonalDataHolder {
  const filter = (person: Person) => ({ ...ofPerson(person), 'payload.kind': { $ne: 'privacy.erase' } });
  return {
    name: 'deliveries',
    exportFor: async (person) =>
      (await deliveries.find({ ...filter(person), status: 'pending' }, { sort: { dueAt: 1 } }).toArray()).map((doc) => ({ kind: doc.payload.kind, dueAt: doc.dueAt, payload: doc.payload })),
    eraseFor: async (person) => (await deliveries.deleteMany(filter(person))).deletedCount,
  };
}
