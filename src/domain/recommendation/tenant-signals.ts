import { MIN_PEOPLE, type ItemKey } from './signals';

/**
 * What the app knows about one tenant as a whole, read from the per-tenant aggregates: how many
 * distinct people engaged with each item, and for the items a person is being scored against, how
 * many distinct people engaged with both. Counts only, never who.
 */
export interface TenantSignals {
  readonly tenantId: string;
  readonly popularity: ReadonlyMap<ItemKey, number>;
  readonly cooccurrence: ReadonlyMap<ItemKey, ReadonlyMap<ItemKey, number>>;
}

export const emptyTenantSignals = (tenantId: string): TenantSignals => ({ tenantId, popularity: new Map(), cooccurrence: new Map() });

/** An item's popularity, or 0 when fewer than MIN_PEOPLE people saw it (it must not be used at all). */
export function safePopularity(signals: TenantSignals, key: ItemKey): number {
  const people = signals.popularity.get(key) ?? 0;
  return people >= MIN_PEOPLE ? people : 0;
}

export interface SourceItem {
  readonly key: ItemKey;
  readonly strength: number;
}

export interface CooccurrenceScore {
  /** Strength-weighted mean cosine similarity to the person's items, in [0, 1]. */
  readonly score: number;
  /** The person's own item that contributed most, for the reason line. */
  readonly source: ItemKey;
}

/** Only the strongest items of a long history are used: they carry the signal and bound the work per request. */
export const MAX_SOURCES = 20;

/**
 * "People here who took this also took…": for each candidate, the cosine similarity between the
 * person's items and the candidate over distinct people in the tenant, weighted by how much each of
 * the person's items matters today. Items and pairs below MIN_PEOPLE are ignored, so no score (and no
 * reason) can stem from fewer than five colleagues.
 */
export function cooccurrenceScores(sources: readonly SourceItem[], signals: TenantSignals): Map<ItemKey, CooccurrenceScore> {
  const totals = new Map<ItemKey, { sum: number; best: number; source: ItemKey }>();
  let totalStrength = 0;
  for (const { key, strength } of strongestSources(sources)) {
    const sourcePeople = safePopularity(signals, key);
    const row = signals.cooccurrence.get(key);
    if (sourcePeople === 0 || !row) continue;
    totalStrength += strength;
    // Sources come in a fixed order, so each target's sum is added up in the same order every time.
    for (const [target, together] of row) {
      const targetPeople = safePopularity(signals, target);
      if (together < MIN_PEOPLE || targetPeople === 0 || target === key) continue;
      const contribution = (strength * Math.min(together, sourcePeople, targetPeople)) / Math.sqrt(sourcePeople * targetPeople);
      const entry = totals.get(target);
      if (!entry) totals.set(target, { sum: contribution, best: contribution, source: key });
      else {
        entry.sum += contribution;
        if (contribution > entry.best) Object.assign(entry, { best: contribution, source: key });
      }
    }
  }
  return new Map([...totals].map(([target, { sum, source }]) => [target, { score: sum / totalStrength, source }]));
}

export function strongestSources(sources: readonly SourceItem[]): SourceItem[] {
  return sources
    .filter((source) => source.strength > 0)
    .sort((a, b) => b.strength - a.strength || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_SOURCES);
}
