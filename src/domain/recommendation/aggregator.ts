import type { Person } from '../people';
import type { UsageRecord } from '../usage';
import type { ItemTrace, PersonProfile } from './profile';
import { isEngagement, itemKey, SIGNAL_OF_KIND, type ItemKey, type Signal } from './signals';
import type { TenantSignals } from './tenant-signals';

type MutableTrace = { -readonly [K in keyof ItemTrace]: K extends 'signals' ? Partial<Record<Signal, number>> : ItemTrace[K] };

interface TenantCounts {
  readonly popularity: Map<ItemKey, number>;
  readonly cooccurrence: Map<ItemKey, Map<ItemKey, number>>;
}

/**
 * The aggregation rules, in memory: the reference the store's incremental updates must agree with
 * (a contract test compares them), and what the benchmark folds a synthetic history with.
 *
 * - A record's signal is added to the person's trace of the item (counts, first and last time, topics).
 * - The first time a person engages with an item, the tenant's count of distinct people for that item
 *   goes up by one, and so does the count for every pair it forms with the person's earlier items:
 *   each person counts once per item and once per pair, whatever they repeat.
 */
export class UsageAggregator {
  private readonly profiles = new Map<string, { items: Record<ItemKey, MutableTrace>; dismissed: Set<string> }>();
  private readonly tenants = new Map<string, TenantCounts>();

  add(record: UsageRecord, topics: readonly string[]): void {
    const signal = SIGNAL_OF_KIND[record.kind];
    if (!signal) return;
    const profile = this.profileEntry(record);
    const key = itemKey(record.itemType, record.itemId);
    const trace = profile.items[key];
    if (!isEngagement(signal)) {
      if (trace) trace.signals[signal] = (trace.signals[signal] ?? 0) + 1;
      return;
    }
    if (trace) {
      trace.signals[signal] = (trace.signals[signal] ?? 0) + 1;
      trace.topics = [...topics];
      if (record.at < trace.first) trace.first = record.at;
      if (record.at > trace.last) trace.last = record.at;
      return;
    }
    this.countFirstSight(record.tenantId, key, Object.keys(profile.items));
    profile.items[key] = { itemType: record.itemType, itemId: record.itemId, topics: [...topics], first: record.at, last: record.at, signals: { [signal]: 1 } };
  }

  dismiss(person: Person, courseId: string): void {
    this.profileEntry(person).dismissed.add(courseId);
  }

  profile(person: Person): PersonProfile {
    const entry = this.profiles.get(personKey(person));
    return entry ? { items: entry.items, dismissed: [...entry.dismissed] } : { items: {}, dismissed: [] };
  }

  /** Every person seen, for the benchmark and for writing a snapshot. */
  people(): Person[] {
    return [...this.profiles.keys()].map((key) => {
      const [tenantId, userId] = JSON.parse(key) as [string, string];
      return { tenantId, userId };
    });
  }

  tenantIds(): string[] {
    return [...this.tenants.keys()];
  }

  /** The tenant's counts; with `sources`, only their co-occurrence rows (as the store reads them). */
  signals(tenantId: string, sources?: readonly ItemKey[]): TenantSignals {
    const counts = this.tenants.get(tenantId);
    if (!counts) return { tenantId, popularity: new Map(), cooccurrence: new Map() };
    const rows = sources ? sources.flatMap((key) => (counts.cooccurrence.has(key) ? [[key, counts.cooccurrence.get(key)!] as const] : [])) : [...counts.cooccurrence];
    return { tenantId, popularity: counts.popularity, cooccurrence: new Map(rows) };
  }

  private countFirstSight(tenantId: string, key: ItemKey, earlier: readonly ItemKey[]): void {
    let counts = this.tenants.get(tenantId);
    if (!counts) this.tenants.set(tenantId, (counts = { popularity: new Map(), cooccurrence: new Map() }));
    counts.popularity.set(key, (counts.popularity.get(key) ?? 0) + 1);
    for (const other of earlier) {
      increment(counts.cooccurrence, key, other);
      increment(counts.cooccurrence, other, key);
    }
  }

  private profileEntry(person: Person) {
    const key = personKey(person);
    let entry = this.profiles.get(key);
    if (!entry) this.profiles.set(key, (entry = { items: {}, dismissed: new Set() }));
    return entry;
  }
}

function personKey(person: Person): string {
  return JSON.stringify([person.tenantId, person.userId]);
}

function increment(matrix: Map<ItemKey, Map<ItemKey, number>>, from: ItemKey, to: ItemKey): void {
  let row = matrix.get(from);
  if (!row) matrix.set(from, (row = new Map()));
  row.set(to, (row.get(to) ?? 0) + 1);
}
