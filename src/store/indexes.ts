import type { IndexSpecification } from 'mongodb';
import type { StoreDatabase } from './collection';

export interface IndexDefinition {
  readonly collection: string;
  readonly keys: IndexSpecification;
  readonly unique?: boolean;
  readonly name: string;
}

/** Every index the app relies on, created at start-up on either engine. */
export const INDEXES: IndexDefinition[] = [
  { collection: 'sessions', keys: { startsAt: 1 }, name: 'sessions_startsAt' },
  // A person's seats and waitlist places (their bookings, is-booked checks, forgetting them). Multikey:
  // MongoDB uses them; the embedded engine scans such filters (its indexes are not multikey).
  { collection: 'sessions', keys: { 'booked.key': 1 }, name: 'sessions_booked_key' },
  { collection: 'sessions', keys: { 'waitlist.key': 1 }, name: 'sessions_waitlist_key' },
  { collection: 'users', keys: { email: 1 }, name: 'users_email' },
  { collection: 'users', keys: { 'preferences.weeklyDigest': 1, _id: 1 }, name: 'users_weekly_digest' },
  { collection: 'usage', keys: { userId: 1, tenantId: 1 }, name: 'usage_person' },
  // The usage report selects records by kind (StoreUsageReport.weeklyCounts); nothing queries by item.
  { collection: 'usage', keys: { kind: 1 }, name: 'usage_kind' },
  // Claims (status, then due time); its `status` prefix also serves counts and lists by status.
  { collection: 'deliveries', keys: { status: 1, dueAt: 1 }, name: 'deliveries_due' },
  { collection: 'deliveries', keys: { userId: 1, tenantId: 1 }, name: 'deliveries_person' },
];

export async function ensureIndexes(db: StoreDatabase, indexes: readonly IndexDefinition[] = INDEXES): Promise<void> {
  for (const index of indexes) {
    await db.collection(index.collection).createIndex(index.keys, { name: index.name, unique: index.unique ?? false });
  }
}
