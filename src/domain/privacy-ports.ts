import type { Language } from './catalog';
import type { NoticeKind, NoticePayload } from './notices';
import type { Person } from './people';
import type { AuditEntry, CrmContact, DirectoryProfile } from './privacy';
import type { UsageKind } from './usage';
import type { WeeklyUsageCount } from './usage-report';

/** A person's profile from the organisation's directory (Graph `User.Read.All`). */
export interface Directory {
  /** Undefined when the directory does not know the person. Throws when it cannot be reached. */
  profile(person: Person): Promise<DirectoryProfile | undefined>;
}

/** The CRM (Intercom): create or update a contact; delete it for good. */
export interface Crm {
  upsertContact(contact: CrmContact): Promise<void>;
  /** Permanent deletion (not archiving). Resolves false when there was no such contact. */
  deleteContact(externalId: string): Promise<boolean>;
}

/**
 * One collection (or derived store) that holds data about people. Every capability that stores
 * something about a person registers one, so that "export my data" and "forget me" reach it.
 */
export interface PersonalDataHolder {
  /** Stable name, used as the key in exports and in the audit's counts (e.g. `usage`). */
  readonly name: string;
  /** Everything held about the person, as plain JSON. */
  exportFor(person: Person): Promise<unknown>;
  /** Removes everything held about the person; resolves how many records went. Idempotent. */
  eraseFor(person: Person): Promise<number>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/** Single-use tokens (export links): the first `consume` of an id wins, every later one is refused. */
export interface UsedTokenRepository {
  consume(tokenId: string, expiresAt: Date): Promise<boolean>;
}

/** A queued delivery an instance has claimed (leased) to work on. */
export interface ClaimedDelivery {
  readonly key: string;
  readonly person: Person;
  readonly payload: NoticePayload;
  /** Including this one. */
  readonly attempts: number;
}

/**
 * The worker's side of the delivery queue, for the kinds privacy owns (`crm.sync`, `privacy.erase`):
 * claim a due item with a lease (so two instances never run it together, and a crash only delays it),
 * then delete it when done or push it back with a later due time.
 */
export interface DeliveryJobs {
  claimDue(kinds: readonly NoticeKind[], now: Date, leaseMs: number): Promise<ClaimedDelivery | undefined>;
  complete(key: string): Promise<void>;
  retryLater(key: string, dueAt: Date, reason: string): Promise<void>;
}

/** Usage counted per tenant, ISO week and kind inside the store (no person's records leave it). */
export interface UsageCountSource {
  weeklyCounts(kinds: readonly UsageKind[]): Promise<WeeklyUsageCount[]>;
}

/** Tells a person, in their personal chat, that an erasure that had to wait for the CRM is complete. */
export interface ErasureNotifier {
  erasureCompleted(reference: Readonly<Record<string, unknown>>, language: Language): Promise<void>;
}
