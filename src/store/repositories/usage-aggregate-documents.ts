import type { ItemTrace } from '../../domain/recommendation/profile';
import type { ItemKey, Signal } from '../../domain/recommendation/signals';
import type { ItemType } from '../../domain/usage';

/** One person's trace of one item, as stored (short names: a profile holds many). */
export interface TraceDocument {
  t: ItemType;
  i: string;
  topics: string[];
  first: Date;
  last: Date;
  s: Partial<Record<Signal, number>>;
}

/** `usageProfiles`: one per person; `items` is keyed by the encoded item key. */
export interface ProfileDocument {
  _id: string;
  userId: string;
  tenantId: string;
  items?: Record<string, TraceDocument>;
  dismissed?: string[];
  /** Set while the person is being forgotten: the item fields whose counts are being taken out. */
  forgetting?: string[];
}

/** `usagePopularity`: one per tenant, distinct people per encoded item key. */
export interface PopularityDocument {
  _id: string;
  tenantId: string;
  items?: Record<string, number>;
}

/** `usageCooccurrence`: one per tenant and item, distinct people who engaged with both per encoded item key. */
export interface CooccurrenceDocument {
  _id: string;
  tenantId: string;
  key: string;
  with?: Record<string, number>;
}

/**
 * Item keys become field names (`items.course:c-7`), and MongoDB reads `.` as a path separator and a
 * leading `$` as an operator: both are escaped, reversibly (`%` first so that decoding is exact).
 */
export function fieldOf(key: ItemKey): string {
  return key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');
}

export function keyOfField(field: string): ItemKey {
  // Most ids hold none of the escaped characters: skip the replacements (rows hold hundreds of keys).
  return field.includes('%') ? field.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%') : field;
}

/** Ids are unambiguous whatever the ids contain: each part is URI-encoded, so `/` only ever separates. */
export const profileId = (tenantId: string, userId: string) => `${encodeURIComponent(tenantId)}/${encodeURIComponent(userId)}`;
export const cooccurrenceId = (tenantId: string, key: ItemKey) => `${encodeURIComponent(tenantId)}/${encodeURIComponent(key)}`;

export function toTrace(doc: TraceDocument): ItemTrace {
  return { itemType: doc.t, itemId: doc.i, topics: doc.topics ?? [], first: doc.first, last: doc.last, signals: doc.s ?? {} };
}

export function toTraceDocument(trace: ItemTrace): TraceDocument {
  return { t: trace.itemType, i: trace.itemId, topics: [...trace.topics], first: trace.first, last: trace.last, s: { ...trace.signals } };
}

/** A stored count map as item keys; counts a forget drove to zero or below are dropped. */
export function toCounts(fields: Record<string, number> | undefined): Map<ItemKey, number> {
  const counts = new Map<ItemKey, number>();
  for (const [field, count] of Object.entries(fields ?? {})) if (count > 0) counts.set(keyOfField(field), count);
  return counts;
}
