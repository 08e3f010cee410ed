import type { UsageKind } from '../../domain/usage';
import type { WeeklyUsageCount } from '../../domain/usage-report';
import type { StoreCollection } from '../collection';
import type { UsageDocument } from './usage-repository';

interface GroupRow {
  _id: { tenantId: string; isoYear: number; isoWeek: number; kind: UsageKind };
  people: number;
  events: number;
}

/**
 * Counts usage per tenant, ISO week and kind, with distinct people, inside the store: one aggregation
 * (MongoDB's, or mingo's with the same semantics), so no person's records leave the store for a report.
 */
export class StoreUsageReport {
  constructor(private readonly usage: StoreCollection<UsageDocument>) {}

  async weeklyCounts(kinds: readonly UsageKind[]): Promise<WeeklyUsageCount[]> {
    const rows = await this.usage
      .aggregate<GroupRow>([
        { $match: { kind: { $in: [...kinds] } } },
        {
          $group: {
            _id: { tenantId: '$tenantId', isoYear: { $isoWeekYear: '$at' }, isoWeek: { $isoWeek: '$at' }, kind: '$kind', userId: '$userId' },
            events: { $sum: 1 },
          },
        },
        {
          $group: {
            _id: { tenantId: '$_id.tenantId', isoYear: '$_id.isoYear', isoWeek: '$_id.isoWeek', kind: '$_id.kind' },
            people: { $sum: 1 },
            events: { $sum: '$events' },
          },
        },
      ])
      .toArray();
    return rows.map((row) => ({ ...row._id, people: row.people, events: row.events }));
  }
}
