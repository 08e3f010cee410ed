import type { Person } from '../../domain/people';
import type { UsageAggregateRepository } from '../../domain/ports';
import type { UsageAggregator } from '../../domain/recommendation/aggregator';
import type { PersonProfile } from '../../domain/recommendation/profile';
import { isEngagement, itemKey, SIGNAL_OF_KIND, type ItemKey } from '../../domain/recommendation/signals';
import type { TenantSignals } from '../../domain/recommendation/tenant-signals';
import type { UsageRecord } from '../../domain/usage';
import type { StoreCollection } from '../collection';
import {
  cooccurrenceId, fieldOf, keyOfField, profileId, toCounts, toTrace, toTraceDocument,
  type CooccurrenceDocument, type PopularityDocument, type ProfileDocument,
} from './usage-aggregate-documents';

/**
 * The aggregates in three collections, updated with single-document atomic operators only:
 * - the person's profile is updated and read back in one `findOneAndUpdate`, so of two records about
 *   the same new item only one sees it as new, and of two new items the second sees the first: each
 *   person counts exactly once per item and per pair, without transactions;
 * - tenant counts move by `$inc`, which commutes, so concurrent instances never lose an update.
 * A crash between the profile update and the tenant `$inc`s leaves a count one short (never one too
 * many): the safe side for the minimum-count rule.
 */
export class StoreUsageAggregateRepository implements UsageAggregateRepository {
  constructor(
    private readonly profiles: StoreCollection<ProfileDocument>,
    private readonly popularity: StoreCollection<PopularityDocument>,
    private readonly cooccurrence: StoreCollection<CooccurrenceDocument>,
  ) {}

  async apply(record: UsageRecord, topics: readonly string[]): Promise<void> {
    const signal = SIGNAL_OF_KIND[record.kind];
    if (!signal) return;
    const key = itemKey(record.itemType, record.itemId);
    const path = `items.${fieldOf(key)}`;
    const _id = profileId(record.tenantId, record.userId);
    if (!isEngagement(signal)) {
      // A cancellation weakens the trace of a booking; it never creates one.
      await this.profiles.updateOne({ _id, [path]: { $exists: true } }, { $inc: { [`${path}.s.${signal}`]: 1 } });
      return;
    }
    // The item's row exists before any profile names the item, so a later first sight of another item
    // can add the pair to it with one updateMany that matches every row it needs.
    await this.cooccurrence.updateOne({ _id: cooccurrenceId(record.tenantId, key) }, { $setOnInsert: { tenantId: record.tenantId, key } }, { upsert: true });
    const before = await this.profiles.findOneAndUpdate(
      { _id },
      {
        $setOnInsert: { userId: record.userId, tenantId: record.tenantId },
        $set: { [`${path}.t`]: record.itemType, [`${path}.i`]: record.itemId, [`${path}.topics`]: [...topics] },
        $min: { [`${path}.first`]: record.at },
        $max: { [`${path}.last`]: record.at },
        $inc: { [`${path}.s.${signal}`]: 1 },
      },
      { upsert: true, returnDocument: 'before' },
    );
    const earlier = Object.keys(before?.items ?? {});
    if (earlier.includes(fieldOf(key))) return;
    await this.countFirstSight(record.tenantId, key, earlier.map(keyOfField));
  }

  async profile(person: Person): Promise<PersonProfile> {
    const doc = await this.profiles.findOne({ _id: profileId(person.tenantId, person.userId) });
    const items = Object.fromEntries(Object.entries(doc?.items ?? {}).map(([field, trace]) => [keyOfField(field), toTrace(trace)]));
    return { items, dismissed: doc?.dismissed ?? [] };
  }

  async tenantSignals(tenantId: string, sources: readonly ItemKey[]): Promise<TenantSignals> {
    // One read by _id per row: the fast path on both engines (the embedded one scans for `$in`).
    const [popularity, ...rows] = await Promise.all([
      this.popularity.findOne({ _id: tenantId }),
      ...sources.map((key) => this.cooccurrence.findOne({ _id: cooccurrenceId(tenantId, key) })),
    ]);
    const cooccurrence = new Map<ItemKey, Map<ItemKey, number>>();
    for (const row of rows) if (row && row.tenantId === tenantId) cooccurrence.set(row.key, toCounts(row.with));
    return { tenantId, popularity: toCounts((popularity as PopularityDocument | null)?.items), cooccurrence };
  }

  async dismiss(person: Person, courseId: string): Promise<void> {
    await this.profiles.updateOne(
      { _id: profileId(person.tenantId, person.userId) },
      { $setOnInsert: { userId: person.userId, tenantId: person.tenantId }, $addToSet: { dismissed: courseId } },
      { upsert: true },
    );
  }

  /**
   * Takes the person's items out one at a time, from a list fixed in the profile first: for each, the
   * tenant counts of the item and of its pairs with every other listed item (one write to its row),
   * then the item from the profile. Each side of each pair is thus taken out exactly once, and a retry
   * after a crash resumes from the items still present: at worst one item is taken out twice, which
   * leaves counts lower, never holding a trace of the person. It expects the person's records to have
   * stopped (the privacy flow removes the user first).
   */
  async forget(person: Person): Promise<void> {
    const _id = profileId(person.tenantId, person.userId);
    const found = await this.profiles.findOne({ _id });
    if (!found) return;
    if (!found.forgetting) await this.profiles.updateOne({ _id, forgetting: { $exists: false } }, { $set: { forgetting: Object.keys(found.items ?? {}).sort() } });
    const doc = await this.profiles.findOne({ _id });
    const listed = doc?.forgetting ?? [];
    for (const field of listed) {
      if (!doc?.items?.[field]) continue; // taken out before an interruption
      await this.uncount(person.tenantId, field, listed.filter((other) => other !== field));
      await this.profiles.updateOne({ _id }, { $unset: { [`items.${field}`]: '' } });
    }
    await this.profiles.deleteOne({ _id });
  }

  /**
   * Writes aggregates folded in memory from raw records, into empty collections: how the benchmark
   * loads a million records' worth in seconds, and how the aggregates could be rebuilt after a change
   * of the aggregation rules.
   */
  async importSnapshot(aggregator: UsageAggregator): Promise<void> {
    if ((await this.profiles.countDocuments({})) > 0) throw new Error('importSnapshot needs empty aggregate collections');
    const people = aggregator.people();
    for (let start = 0; start < people.length; start += 5_000) {
      await this.profiles.insertMany(people.slice(start, start + 5_000).map((person) => profileDocument(person, aggregator.profile(person))));
    }
    for (const tenantId of aggregator.tenantIds()) {
      const signals = aggregator.signals(tenantId);
      await this.popularity.insertOne({ _id: tenantId, tenantId, items: fields(signals.popularity) });
      // A row for every item seen, empty or not: first sights later add pairs to rows that must exist.
      const rows = [...signals.popularity.keys()].map((key) => ({ _id: cooccurrenceId(tenantId, key), tenantId, key, with: fields(signals.cooccurrence.get(key) ?? new Map()) }));
      if (rows.length > 0) await this.cooccurrence.insertMany(rows);
    }
  }

  private async countFirstSight(tenantId: string, key: ItemKey, earlier: readonly ItemKey[]): Promise<void> {
    const field = fieldOf(key);
    await this.popularity.updateOne({ _id: tenantId }, { $setOnInsert: { tenantId }, $inc: { [`items.${field}`]: 1 } }, { upsert: true });
    if (earlier.length === 0) return;
    await this.cooccurrence.updateOne({ _id: cooccurrenceId(tenantId, key) }, { $inc: Object.fromEntries(earlier.map((other) => [`with.${fieldOf(other)}`, 1])) });
    await this.cooccurrence.updateMany({ _id: { $in: earlier.map((other) => cooccurrenceId(tenantId, other)) } }, { $inc: { [`with.${field}`]: 1 } });
  }

  /** One item's share of the tenant counts: its popularity, and its side of each pair with `others` (encoded fields). */
  private async uncount(tenantId: string, field: string, others: readonly string[]): Promise<void> {
    await this.popularity.updateOne({ _id: tenantId }, { $inc: { [`items.${field}`]: -1 } });
    if (others.length === 0) return;
    await this.cooccurrence.updateOne({ _id: cooccurrenceId(tenantId, keyOfField(field)) }, { $inc: Object.fromEntries(others.map((other) => [`with.${other}`, -1])) });
  }
}

function profileDocument(person: Person, profile: PersonProfile): ProfileDocument {
  const items = Object.fromEntries(Object.entries(profile.items).map(([key, trace]) => [fieldOf(key), toTraceDocument(trace)]));
  return { _id: profileId(person.tenantId, person.userId), userId: person.userId, tenantId: person.tenantId, items, dismissed: [...profile.dismissed] };
}

function fields(counts: ReadonlyMap<ItemKey, number>): Record<string, number> {
  return Object.fromEntries([...counts].map(([key, count]) => [fieldOf(key), count]));
}
