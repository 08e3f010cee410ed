import { MIN_GROUP_SIZE } from './privacy';
import type { UsageKind } from './usage';

/** The report's columns and the usage kind each one counts. */
export const REPORT_METRICS = {
  sessionsBooked: 'session.booked',
  sessionsAttended: 'session.attended',
  coursesViewed: 'course.viewed',
  roomsVisited: 'room.visited',
} as const satisfies Record<string, UsageKind>;

export type ReportMetric = keyof typeof REPORT_METRICS;

/** One group as the store counts it: how many distinct people did `kind`, and how often, in a tenant and ISO week. */
export interface WeeklyUsageCount {
  readonly tenantId: string;
  readonly isoYear: number;
  readonly isoWeek: number;
  readonly kind: UsageKind;
  readonly people: number;
  readonly events: number;
}

/** A figure, or `null` when fewer than MIN_GROUP_SIZE people are behind it. */
export type ReportCell = { readonly people: number; readonly events: number } | null;

export interface UsageReportRow {
  readonly tenantId: string;
  /** ISO 8601 week, e.g. `2026-W49`. */
  readonly week: string;
  readonly metrics: Readonly<Record<ReportMetric, ReportCell>>;
}

/**
 * Per tenant and week, each metric with its people and event counts; any group of fewer than
 * MIN_GROUP_SIZE people (including none) is withheld, so no figure can single out a person.
 */
export function buildUsageReport(counts: readonly WeeklyUsageCount[]): UsageReportRow[] {
  const rows = new Map<string, { tenantId: string; week: string; metrics: Record<ReportMetric, ReportCell> }>();
  const metricOf = new Map<UsageKind, ReportMetric>(Object.entries(REPORT_METRICS).map(([metric, kind]) => [kind, metric as ReportMetric]));
  for (const count of counts) {
    const metric = metricOf.get(count.kind);
    if (!metric) continue;
    const week = `${count.isoYear}-W${String(count.isoWeek).padStart(2, '0')}`;
    const key = `${count.tenantId}\n${week}`;
    const row = rows.get(key) ?? { tenantId: count.tenantId, week, metrics: emptyMetrics() };
    row.metrics[metric] = count.people >= MIN_GROUP_SIZE ? { people: count.people, events: count.events } : null;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.week.localeCompare(b.week));
}

function emptyMetrics(): Record<ReportMetric, ReportCell> {
  return { sessionsBooked: null, sessionsAttended: null, coursesViewed: null, roomsVisited: null };
}
