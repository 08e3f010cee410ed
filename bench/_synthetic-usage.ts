import type { Course, Language } from '../src/domain/catalog';
import type { ItemType, UsageKind, UsageRecord } from '../src/domain/usage';

/**
 * A synthetic wellbeing population, reproducible from a seed: people in a few tenants with topic
 * needs (and some whose need changes half-way), a catalogue of courses in series, sessions and
 * viewing rooms, and months of usage clustered by topic with noise.
 */
export const TOPICS = ['sleep', 'anxiety', 'stress', 'resilience', 'burnout', 'mindfulness', 'nutrition', 'movement', 'parenting', 'grief', 'financial stress', 'work'];

export interface SyntheticPerson {
  readonly userId: string;
  readonly tenantId: string;
  readonly language: Language;
  readonly interests: readonly string[];
}

export interface SyntheticWorld {
  readonly courses: Course[];
  readonly topicsOf: (itemType: ItemType, itemId: string) => readonly string[];
  readonly people: SyntheticPerson[];
  readonly records: UsageRecord[];
  readonly start: Date;
  readonly end: Date;
}

export interface WorldOptions {
  readonly seed: number;
  readonly people: number;
  readonly tenantShares: readonly number[];
  readonly courses: number;
  readonly months: number;
  readonly meanEvents: number;
  /** Stop once this many records exist (the latency run wants exactly 1,000,000). */
  readonly maxRecords?: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERIES = 3;

export function generateWorld(options: WorldOptions): SyntheticWorld {
  const rand = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const start = new Date('2026-06-01T00:00:00Z');
  const end = new Date(start.getTime() + options.months * 30 * 86_400_000);

  const courses: Course[] = Array.from({ length: options.courses }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const second = rand() < 0.3 ? pick(TOPICS.filter((t) => t !== topic)) : undefined;
    return { id: `c-${i}`, title: `Course ${i}`, description: '-', topics: second ? [topic, second] : [topic], durationMinutes: 10 + Math.floor(rand() * 50), language: rand() < 0.7 ? 'en' : 'fr', url: `https://learn.example.com/c-${i}` };
  });
  const byTopic = new Map(TOPICS.map((topic) => [topic, courses.filter((c) => c.topics[0] === topic)]));
  const appeal = new Map(courses.map((c) => [c.id, 1 / (1 + Math.floor(rand() * 25)) ** 0.8]));
  const sessions = TOPICS.flatMap((topic) => Array.from({ length: 20 }, (_, i) => ({ id: `s-${topic.replace(' ', '_')}-${i}`, topic })));
  const rooms = TOPICS.flatMap((topic) => Array.from({ length: 2 }, (_, i) => ({ id: `r-${topic.replace(' ', '_')}-${i}`, topic })));
  const topicOfItem = new Map<string, readonly string[]>([
    ...courses.map((c) => [`course:${c.id}`, c.topics] as const),
    ...sessions.map((s) => [`session:${s.id}`, [s.topic]] as const),
    ...rooms.map((r) => [`room:${r.id}`, [r.topic]] as const),
  ]);

  const tenantBias = options.tenantShares.map(() => TOPICS.map(() => 0.5 + rand() * 2));
  const people: SyntheticPerson[] = [];
  const records: UsageRecord[] = [];
  for (let p = 0; p < options.people && (options.maxRecords === undefined || records.length < options.maxRecords); p += 1) {
    const tenantIndex = tenantFor(p / options.people, options.tenantShares);
    const tenantId = `tenant-${tenantIndex + 1}`;
    const language: Language = rand() < 0.7 ? 'en' : 'fr';
    const primary = weightedTopic(tenantBias[tenantIndex]!, rand);
    const secondary = rand() < 0.5 ? pick(TOPICS) : primary;
    const later = rand() < 0.3 ? pick(TOPICS) : primary; // a need that changes half-way
    const switchAt = start.getTime() + (0.4 + rand() * 0.4) * (end.getTime() - start.getTime());
    const person: SyntheticPerson = { userId: `u-${p}`, tenantId, language, interests: rand() < 0.4 ? [primary] : [] };
    people.push(person);

    const events = Math.max(1, Math.round(-Math.log(1 - rand()) * options.meanEvents));
    const times = Array.from({ length: events }, () => start.getTime() + rand() * (end.getTime() - start.getTime())).sort((a, b) => a - b);
    const viewed: string[] = [];
    for (const time of times) {
      const current = time < switchAt ? primary : later;
      const roll = rand();
      const topic = roll < 0.6 ? current : roll < 0.8 ? secondary : pick(TOPICS);
      const at = new Date(time);
      const kindRoll = rand();
      if (kindRoll < 0.6) {
        const course = chooseCourse(byTopic.get(topic)!, viewed, appeal, language, rand);
        viewed.push(course.id);
        records.push(record(person, 'course.viewed', 'course', course.id, at));
      } else if (kindRoll < 0.85) {
        const session = pick(sessions.filter((s) => s.topic === topic));
        records.push(record(person, 'session.booked', 'session', session.id, at));
        const outcome = rand();
        if (outcome < 0.7) records.push(record(person, 'session.attended', 'session', session.id, new Date(time + 3_600_000)));
        else if (outcome < 0.8) records.push(record(person, 'session.cancelled', 'session', session.id, new Date(time + 600_000)));
      } else {
        records.push(record(person, 'room.visited', 'room', pick(rooms.filter((r) => r.topic === topic)).id, at));
      }
    }
  }
  if (options.maxRecords !== undefined) records.length = Math.min(records.length, options.maxRecords);
  const topicsOf = (itemType: ItemType, itemId: string) => topicOfItem.get(`${itemType}:${itemId}`) ?? [];
  return { courses, topicsOf, people, records, start, end };
}

/** Next in a series the person started (40 %), a repeat (10 %), else by appeal, three times likelier in their language. */
function chooseCourse(candidates: readonly Course[], viewed: readonly string[], appeal: ReadonlyMap<string, number>, language: Language, rand: () => number): Course {
  const last = viewed.length > 0 ? candidates.find((c) => c.id === viewed[viewed.length - 1]) : undefined;
  if (last && rand() < 0.4) {
    const index = candidates.indexOf(last);
    const next = candidates[index + 1];
    if (next && Math.floor((index + 1) / SERIES) === Math.floor(index / SERIES)) return next;
  }
  if (viewed.length > 0 && rand() < 0.1) {
    const again = candidates.find((c) => c.id === viewed[Math.floor(rand() * viewed.length)]);
    if (again) return again;
  }
  const weights = candidates.map((c) => appeal.get(c.id)! * (c.language === language ? 3 : 1));
  let roll = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < candidates.length; i += 1) {
    roll -= weights[i]!;
    if (roll <= 0) return candidates[i]!;
  }
  return candidates[candidates.length - 1]!;
}

function tenantFor(position: number, shares: readonly number[]): number {
  let cumulative = 0;
  for (let i = 0; i < shares.length; i += 1) {
    cumulative += shares[i]!;
    if (position < cumulative) return i;
  }
  return shares.length - 1;
}

function weightedTopic(weights: readonly number[], rand: () => number): string {
  let roll = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i += 1) {
    roll -= weights[i]!;
    if (roll <= 0) return TOPICS[i]!;
  }
  return TOPICS[TOPICS.length - 1]!;
}

function record(person: SyntheticPerson, kind: UsageKind, itemType: ItemType, itemId: string, at: Date): UsageRecord {
  return { userId: person.userId, tenantId: person.tenantId, kind, itemType, itemId, at };
}
