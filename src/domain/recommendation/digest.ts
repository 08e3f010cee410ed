import type { RecommendationReason } from './reasons';
import { isPersonalReason } from './recommend';
const DAY_MS = 86_400_000;
/** Digests go out on Mondays from 08:00 UTC (morning across Europe), enqueued during the next 24 hours. */
const SEND_HOUR_UTC = 8;
const WINDOW_MS = DAY_MS;

/** ISO 8601 week of a date in UTC, e.g. `2026-W49`: the key that allows one digest per person per week. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The week whose digest may be enqueued at `now`, or undefined outside the Monday window. A missed
 * window (the app was down all Monday) skips that week rather than sending late in the week: a digest
 * is a courtesy, and the activity-feed guidance is to not notify more than needed.
 */
export function digestWeekDue(now: Date): { week: string; dueAt: Date } | undefined {
  const weekday = now.getUTCDay() || 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (weekday - 1));
  const opensAt = monday + SEND_HOUR_UTC * 3_600_000;
  if (now.getTime() < opensAt || now.getTime() >= opensAt + WINDOW_MS) return undefined;
  return { week: isoWeek(now), dueAt: now };
}

/** How many courses a digest carries at most. */
export const DIGEST_SIZE = 5;

/**
 * What a digest may carry: only picks grounded in the person's own usage or interests (nothing
 * promotional, no "popular with colleagues"), at most DIGEST_SIZE. Applied when the digest is queued
 * and again when it is delivered, since today's reasons may differ from Monday's.
 */
export function digestPicks<T extends { readonly reason: RecommendationReason }>(picks: readonly T[]): T[] {
  return picks.filter((pick) => isPersonalReason(pick.reason)).slice(0, DIGEST_SIZE);
}
