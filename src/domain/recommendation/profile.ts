import type { ItemType } from '../usage';
import { decay, HALF_LIFE_MS, SIGNAL_WEIGHTS, type ItemKey, type Signal } from './signals';

/** What one person did with one item: counts per signal, first and last time, the item's topics then. */
export interface ItemTrace {
  readonly itemType: ItemType;
  readonly itemId: string;
  readonly topics: readonly string[];
  readonly first: Date;
  readonly last: Date;
  readonly signals: Readonly<Partial<Record<Signal, number>>>;
}

/**
 * A person's aggregate, kept up to date as their usage records arrive: one trace per item they
 * engaged with, and the courses they said they are not interested in. Their topic counts are derived
 * from the traces (each holds its item's topics), so there is no second copy that could drift.
 */
export interface PersonProfile {
  readonly items: Readonly<Record<ItemKey, ItemTrace>>;
  readonly dismissed: readonly string[];
}

/**
 * How much a trace says today: the weighted signal counts, with diminishing returns (the tenth view
 * of a course says little more than the third), decayed by the time since the last engagement.
 */
export function traceStrength(trace: ItemTrace, now: Date, halfLifeMs: number = HALF_LIFE_MS): number {
  let raw = 0;
  for (const [signal, count] of Object.entries(trace.signals) as [Signal, number][]) raw += SIGNAL_WEIGHTS[signal] * count;
  return raw <= 0 ? 0 : Math.log2(1 + raw) * decay(trace.last, now, halfLifeMs);
}

export interface TopicAffinity {
  /** Each topic's weight relative to the person's strongest topic, in (0, 1]. */
  readonly weights: ReadonlyMap<string, number>;
  /** For each topic, the item that contributed most to it (for the "Because you attended …" reason). */
  readonly strongestItem: ReadonlyMap<string, ItemKey>;
  /** Total decayed strength of the history: how much the person's own record can be trusted. */
  readonly mass: number;
}

/** The person's interest per topic from their history, decayed with time. Deterministic: keys are visited in order. */
export function topicAffinity(profile: PersonProfile, now: Date, halfLifeMs: number = HALF_LIFE_MS): TopicAffinity {
  const raw = new Map<string, number>();
  const best = new Map<string, { key: ItemKey; strength: number }>();
  let mass = 0;
  for (const key of Object.keys(profile.items).sort()) {
    const trace = profile.items[key]!;
    const strength = traceStrength(trace, now, halfLifeMs);
    if (strength === 0) continue;
    mass += strength;
    for (const topic of trace.topics) {
      raw.set(topic, (raw.get(topic) ?? 0) + strength);
      const current = best.get(topic);
      if (!current || strength > current.strength) best.set(topic, { key, strength });
    }
  }
  const max = Math.max(0, ...raw.values());
  const weights = new Map([...raw].map(([topic, value]) => [topic, max > 0 ? value / max : 0]));
  return { weights, strongestItem: new Map([...best].map(([topic, { key }]) => [topic, key])), mass };
}

/** Courses the person already opened: there is no completion signal from the course host, so opened counts as taken. */
export function takenCourses(profile: PersonProfile): Set<string> {
  const taken = new Set<string>();
  for (const trace of Object.values(profile.items)) {
    if (trace.itemType === 'course' && (trace.signals.viewed ?? 0) > 0) taken.add(trace.itemId);
  }
  return taken;
}
