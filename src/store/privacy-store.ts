import type { PersonalDataHolder } from '../domain/privacy-ports';
import type { StoreDatabase } from './collection';
import type { EmbeddedDatabase } from './embedded/embedded-database';
import { StoreDeliveryJobs } from './repositories/delivery-jobs';
import type { DeliveryDocument } from './repositories/delivery-queue';
import type { ConversationReferenceDocument, UserDocument } from './repositories/people-repositories';
import {
  type AuditDocument, conversationReferencesHolder, deliveriesHolder, StoreAuditLog, StoreUsedTokens, type UsedTokenDocument, usageHolder, usersHolder,
} from './repositories/privacy-repositories';
import { StoreUsageReport } from './repositories/usage-report';
import type { UsageDocument } from './repositories/usage-repository';

/** What privacy needs from the store, over the same database as everything else. */
export interface PrivacyStore {
  readonly audit: StoreAuditLog;
  readonly usedTokens: StoreUsedTokens;
  readonly deliveryJobs: StoreDeliveryJobs;
  readonly usageReport: StoreUsageReport;
  /**
   * The personal data the store layer itself holds, in erasure order. Capabilities that keep more
   * (bookings on session documents, recommendation aggregates, dismissals) register their own holder
   * with the ErasureRegistry in main.ts; bookings must go before `deliveries` and `users`.
   */
  readonly holders: readonly PersonalDataHolder[];
  /** After an erasure: the embedded engine rewrites its append-only files so no old line keeps the person. */
  purgeErasedFromDisk(): void;
}

export function createPrivacyStore(db: StoreDatabase): PrivacyStore {
  return {
    purgeErasedFromDisk: () => {
      if (db.engine === 'embedded') (db as EmbeddedDatabase).compactAll();
    },
    audit: new StoreAuditLog(db.collection<AuditDocument>('audit')),
    usedTokens: new StoreUsedTokens(db.collection<UsedTokenDocument>('usedTokens')),
    deliveryJobs: new StoreDeliveryJobs(db.collection<DeliveryDocument>('deliveries')),
    usageReport: new StoreUsageReport(db.collection<UsageDocument>('usage')),
    holders: [
      usageHolder(db.collection<UsageDocument>('usage')),
      deliveriesHolder(db.collection<DeliveryDocument>('deliveries')),
      conversationReferencesHolder(db.collection<ConversationReferenceDocument>('conversationReferences')),
      usersHolder(db.collection<UserDocument>('users')),
    ],
  };
}
