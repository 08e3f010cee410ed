import { UsageAggregator } from '../src/domain/recommendation/aggregator';
import { takenCourses } from '../src/domain/recommendation/profile';
import { recommend, type RecommendInput } from '../src/domain/recommendation/recommend';
import type { UsageRecord } from '../src/domain/usage';
import type { SyntheticPerson, SyntheticWorld } from './_synthetic-usage';

export interface Quality {
  readonly people: number;
  readonly hitRate: number;
  readonly ndcg: number;
}

interface HeldOut {
  readonly person: SyntheticPerson;
  readonly courseId: string;
  readonly at: Date;
  readonly trainingEvents: number;
}

/**
 * Leave-last-out: for everyone who opened at least two different courses, the last course they opened
 * for the first time is hidden, with everything they did from then on; the aggregates are built from
 * what is left; each person is then asked for 5 recommendations at the moment they opened it.
 */
export function leaveLastOut(world: SyntheticWorld): { aggregator: UsageAggregator; heldOut: HeldOut[] } {
  const byPerson = new Map<string, UsageRecord[]>();
  for (const record of world.records) {
    const key = `${record.tenantId}/${record.userId}`;
    if (!byPerson.has(key)) byPerson.set(key, []);
    byPerson.get(key)!.push(record);
  }
  const heldOut: HeldOut[] = [];
  const aggregator = new UsageAggregator();
  for (const person of world.people) {
    const records = (byPerson.get(`${person.tenantId}/${person.userId}`) ?? []).slice().sort((a, b) => a.at.getTime() - b.at.getTime());
    const firstViews = firstCourseViews(records);
    let cut = records.length;
    if (firstViews.length >= 2) {
      const last = firstViews[firstViews.length - 1]!;
      cut = records.indexOf(last);
      heldOut.push({ person, courseId: last.itemId, at: last.at, trainingEvents: cut });
    }
    for (const record of records.slice(0, cut)) aggregator.add(record, world.topicsOf(record.itemType, record.itemId));
  }
  return { aggregator, heldOut };
}

export type Ranker = (input: RecommendInput) => readonly string[];

export const hybrid = (tuning?: RecommendInput['tuning']): Ranker => (input) => recommend({ ...input, tuning }).map((r) => r.courseId);

/** The baseline: the tenant's most popular courses the person has not opened yet. */
export const popularityOnly: Ranker = (input) => {
  const taken = takenCourses(input.profile);
  return input.courses
    .filter((course) => !taken.has(course.id) && !input.profile.dismissed.includes(course.id))
    .map((course) => ({ id: course.id, people: input.tenant.popularity.get(`course:${course.id}`) ?? 0 }))
    .sort((a, b) => b.people - a.people || (a.id < b.id ? -1 : 1))
    .slice(0, input.limit)
    .map((course) => course.id);
};

export function evaluate(world: SyntheticWorld, split: ReturnType<typeof leaveLastOut>, ranker: Ranker, filter: (h: HeldOut) => boolean = () => true): Quality {
  let hits = 0;
  let gain = 0;
  const cases = split.heldOut.filter(filter);
  for (const held of cases) {
    const input: RecommendInput = {
      person: held.person,
      now: held.at,
      profile: split.aggregator.profile(held.person),
      interests: held.person.interests,
      language: held.person.language,
      courses: world.courses,
      tenant: split.aggregator.signals(held.person.tenantId),
      limit: 5,
    };
    const rank = ranker(input).indexOf(held.courseId);
    if (rank >= 0) {
      hits += 1;
      gain += 1 / Math.log2(rank + 2);
    }
  }
  return { people: cases.length, hitRate: hits / cases.length, ndcg: gain / cases.length };
}

function firstCourseViews(records: readonly UsageRecord[]): UsageRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (record.kind !== 'course.viewed' || seen.has(record.itemId)) return false;
    seen.add(record.itemId);
    return true;
  });
}
