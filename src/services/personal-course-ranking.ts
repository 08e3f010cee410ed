import type { Person } from '../domain/people';
import type { CoursePopularity, UsageAggregateRepository } from '../domain/ports';
import { parseItemKey } from '../domain/recommendation/signals';
import { safePopularity } from '../domain/recommendation/tenant-signals';
import type { RecommendationService } from './recommendation-service';

/**
 * The `searchCourses` initial run, personalised: the person's recommendations first (diverse, without
 * what they opened or dismissed), then the courses most used in their own tenant, counted in distinct
 * people from the aggregates and only from MIN_PEOPLE up. Never another tenant's habits, never a scan
 * of raw records. Without a person there is no tenant to speak of: the search keeps catalogue order.
 */
export class PersonalCourseRanking implements CoursePopularity {
  constructor(private readonly deps: { recommendations: RecommendationService; aggregates: UsageAggregateRepository }) {}

  async mostPopular(person: Person | undefined, limit: number): Promise<string[]> {
    if (!person || limit <= 0) return [];
    const [picks, profile, signals] = await Promise.all([
      this.deps.recommendations.recommend(person, limit),
      this.deps.aggregates.profile(person),
      this.deps.aggregates.tenantSignals(person.tenantId, []),
    ]);
    const ranked = picks.map((pick) => pick.course.id);
    const skip = new Set([...ranked, ...profile.dismissed]);
    const popular = [...signals.popularity.keys()]
      .filter((key) => parseItemKey(key).itemType === 'course' && safePopularity(signals, key) > 0)
      .sort((a, b) => safePopularity(signals, b) - safePopularity(signals, a) || (a < b ? -1 : 1))
      .map((key) => parseItemKey(key).itemId)
      .filter((id) => !skip.has(id));
    return [...ranked, ...popular].slice(0, limit);
  }
}
