import type { Person } from '../../domain/people';
import type { CoursePopularity } from '../../domain/ports';
import type { StoreCollection } from '../collection';
import type { UsageDocument } from './usage-repository';

/** How many of the most viewed courses are kept ranked; the rest follow in catalogue order. */
const RANKED = 500;

/**
 * Courses ranked by how often anyone opened them (`course.viewed` usage records), counted in the
 * store. The ranking changes slowly, so it is recomputed at most once per `ttlMs` rather than on
 * every keystroke of the initial run. The same for everyone: recommendations personalise it later.
 */
export class StoreCoursePopularity implements CoursePopularity {
  private cached: { at: number; ids: string[] } | undefined;

  constructor(
    private readonly usage: StoreCollection<UsageDocument>,
    private readonly now: () => Date,
    private readonly ttlMs = 60_000,
  ) {}

  async mostPopular(_person: Person | undefined, limit: number): Promise<string[]> {
    const now = this.now().getTime();
    if (!this.cached || now - this.cached.at >= this.ttlMs) {
      const rows = await this.usage
        .aggregate<{ _id: string; views: number }>([
          { $match: { kind: 'course.viewed', itemType: 'course' } },
          { $group: { _id: '$itemId', views: { $sum: 1 } } },
          { $sort: { views: -1, _id: 1 } },
          { $limit: RANKED },
        ])
        .toArray();
      this.cached = { at: now, ids: rows.map((row) => row._id) };
    }
    return this.cached.ids.slice(0, limit);
  }
}
