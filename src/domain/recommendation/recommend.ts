import type { Course, Language } from '../catalog';
import type { Person } from '../people';
import { diversify } from './diversity';
import { takenCourses, topicAffinity, traceStrength, type PersonProfile } from './profile';
import { historyAction, type RecommendationReason } from './reasons';
import { HALF_LIFE_MS, itemKey, type ItemKey } from './signals';
import { cooccurrenceScores, safePopularity, strongestSources, type TenantSignals } from './tenant-signals';

export type CandidateCourse = Pick<Course, 'id' | 'topics' | 'language' | 'durationMinutes'>;

export interface RecommendInput {
  readonly person: Person;
  readonly now: Date;
  readonly profile: PersonProfile;
  /** Topics the person picked in settings (cold start, and a lasting nudge). */
  readonly interests: readonly string[];
  readonly language: Language;
  readonly courses: readonly CandidateCourse[];
  /** The person's own tenant's counts: anything else is refused. */
  readonly tenant: TenantSignals;
  readonly limit: number;
  /** For the benchmark: another half-life, or no diversity rule. */
  readonly tuning?: { readonly halfLifeMs?: number; readonly maxPerTopic?: number };
}

export interface Recommendation {
  readonly courseId: string;
  readonly topics: readonly string[];
  readonly score: number;
  readonly reason: RecommendationReason;
}

export class TenantMismatchError extends Error {
  readonly code = 'TENANT_MISMATCH';
  constructor() {
    super("Recommendations must be scored with the person's own tenant's counts");
    this.name = 'TenantMismatchError';
  }
}

/** How the parts weigh; `confidence` turns from interests and popularity to history as history grows. */
export const WEIGHTS = { affinity: 0.5, cooccurrence: 0.6, interest: 0.6, popularity: 0.2, starter: 0.01, otherLanguage: 0.5 } as const;
/** Decayed history strength at which history and explicit interests weigh the same (about one recent session). */
const CONFIDENCE_MASS = 2;

type Part = { readonly value: number; readonly reason: RecommendationReason | undefined };

/**
 * The hybrid recommender: (a) topic affinity from the person's decayed history, (b) co-occurrence
 * with their items among colleagues of the same tenant, (c) popularity as a prior and, with the
 * interests they picked, for cold start. Courses they opened or dismissed are left out; the top
 * `limit` are kept diverse (at most two per topic); each carries the reason that weighed most.
 * Deterministic for a given input: ties go to the smaller course id.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  if (input.tenant.tenantId !== input.person.tenantId) throw new TenantMismatchError();
  const halfLifeMs = input.tuning?.halfLifeMs ?? HALF_LIFE_MS;
  const affinity = topicAffinity(input.profile, input.now, halfLifeMs);
  const sources = Object.entries(input.profile.items).map(([key, trace]) => ({ key, strength: traceStrength(trace, input.now, halfLifeMs) }));
  const cooccurrence = cooccurrenceScores(sources, input.tenant);
  const excluded = new Set([...takenCourses(input.profile), ...input.profile.dismissed]);
  const candidates = input.courses.filter((course) => !excluded.has(course.id));

  const confidence = affinity.mass / (affinity.mass + CONFIDENCE_MASS);
  const interests = new Set(input.interests.map((topic) => topic.toLowerCase()));
  const maxCooccurrence = Math.max(0, ...candidates.map((course) => cooccurrence.get(itemKey('course', course.id))?.score ?? 0));
  const maxPopularity = Math.max(0, ...candidates.map((course) => safePopularity(input.tenant, itemKey('course', course.id))));

  const scored = candidates.map((course) => {
    const key = itemKey('course', course.id);
    const topicMatch = bestTopic(course.topics, affinity.weights);
    const co = cooccurrence.get(key);
    const interest = course.topics.find((topic) => interests.has(topic));
    const popularity = safePopularity(input.tenant, key);
    const parts: Part[] = [
      { value: maxCooccurrence > 0 && co ? confidence * WEIGHTS.cooccurrence * (co.score / maxCooccurrence) : 0, reason: co && historyReason(input.profile, co.source) },
      { value: topicMatch ? confidence * WEIGHTS.affinity * topicMatch.weight : 0, reason: topicMatch && historyReason(input.profile, affinity.strongestItem.get(topicMatch.topic)) },
      { value: interest ? (1 - 0.8 * confidence) * WEIGHTS.interest : 0, reason: interest ? { kind: 'interest', topic: interest } : undefined },
      { value: popularity > 0 ? (WEIGHTS.popularity * Math.log1p(popularity)) / Math.log1p(maxPopularity) : 0, reason: { kind: 'popular' } },
      { value: WEIGHTS.starter / (1 + course.durationMinutes / 30), reason: { kind: 'starter' } },
    ];
    const languageFactor = course.language === input.language ? 1 : WEIGHTS.otherLanguage;
    const score = parts.reduce((sum, part) => sum + part.value, 0) * languageFactor;
    return { courseId: course.id, topics: course.topics, score, reason: strongestReason(parts) };
  });
  scored.sort((a, b) => b.score - a.score || (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0));
  return diversify(scored, input.limit, input.tuning?.maxPerTopic);
}

/** The items whose co-occurrence rows `recommend` will use: read only those from the store. */
export function sourcesToRead(profile: PersonProfile, now: Date, halfLifeMs: number = HALF_LIFE_MS): ItemKey[] {
  return strongestSources(Object.entries(profile.items).map(([key, trace]) => ({ key, strength: traceStrength(trace, now, halfLifeMs) }))).map((source) => source.key);
}

/** Reasons grounded in the person's own history or choices: the only ones a digest may carry (nothing promotional). */
export function isPersonalReason(reason: RecommendationReason): boolean {
  return reason.kind === 'history' || reason.kind === 'interest';
}

/** The course topic the person cares most about, with a small bonus for each further matching topic. */
function bestTopic(topics: readonly string[], weights: ReadonlyMap<string, number>): { topic: string; weight: number } | undefined {
  const matches = topics.filter((topic) => (weights.get(topic) ?? 0) > 0).sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1));
  if (matches.length === 0) return undefined;
  const [best, ...others] = matches;
  const bonus = others.reduce((sum, topic) => sum + 0.2 * weights.get(topic)!, 0);
  return { topic: best!, weight: Math.min(1, weights.get(best!)! + bonus) };
}

function historyReason(profile: PersonProfile, key: string | undefined): RecommendationReason | undefined {
  const trace = key ? profile.items[key] : undefined;
  return trace && key ? { kind: 'history', action: historyAction(trace), item: key } : undefined;
}

/**
 * The reason of the part that weighed most. Popularity is a prior everyone gets, so it explains a pick
 * only when it outweighs the personal evidence twice over; parts are listed by precedence, so exact
 * ties go to the more personal one.
 */
function strongestReason(parts: readonly Part[]): RecommendationReason {
  let best: { reason: RecommendationReason; weight: number } | undefined;
  for (const { reason, value } of parts) {
    const weight = reason?.kind === 'popular' ? value / 2 : value;
    if (reason && value > 0 && (!best || weight > best.weight)) best = { reason, weight };
  }
  return best?.reason ?? { kind: 'starter' };
}
