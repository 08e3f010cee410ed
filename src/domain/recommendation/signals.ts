import { MIN_GROUP_SIZE } from '../privacy';
import type { ItemType, UsageKind } from '../usage';

/**
 * What a usage record says about a person's interest in an item. Only engagement creates a trace of
 * the item in their profile; a cancellation only weakens an existing trace. Shown and opened
 * recommendations are kept as raw records but say nothing new: the course view that follows an
 * opened recommendation is recorded on its own.
 */
export type Signal = 'attended' | 'booked' | 'waitlisted' | 'viewed' | 'visited' | 'cancelled';

export const SIGNAL_OF_KIND: Readonly<Partial<Record<UsageKind, Signal>>> = {
  'session.attended': 'attended',
  'session.booked': 'booked',
  'session.waitlisted': 'waitlisted',
  'course.viewed': 'viewed',
  'room.visited': 'visited',
  'session.cancelled': 'cancelled',
};

/** Attending says more than booking, which says more than a click; a cancellation takes most of a booking back. */
export const SIGNAL_WEIGHTS: Readonly<Record<Signal, number>> = {
  attended: 3,
  booked: 2,
  waitlisted: 1.5,
  viewed: 1,
  visited: 1,
  cancelled: -1.5,
};

export function isEngagement(signal: Signal): boolean {
  return signal !== 'cancelled';
}

/**
 * Half-life of a person's interest: 42 days. Engagement is sparse (a few events a month), so the
 * half-life must span several of them or one click would dominate the profile (rules out a week or
 * two); needs change over weeks to months (a sleep problem, a stressful quarter, a bereavement), so
 * what someone did half a year ago should weigh little (at 42 days, 6 months weigh 5 %; at 90 days
 * they would still weigh 25 %). `npm run bench` prints hit-rate for 14, 42 and 120 days.
 */
export const HALF_LIFE_MS = 42 * 86_400_000;

/** An item or a pair seen by fewer distinct people is never used: a recommendation never reveals what one colleague (or four) did. */
export const MIN_PEOPLE = MIN_GROUP_SIZE;

/** `course:c-7`: one key per catalogue item across sessions, courses and rooms. */
export type ItemKey = string;

export function itemKey(itemType: ItemType, itemId: string): ItemKey {
  return `${itemType}:${itemId}`;
}

export function parseItemKey(key: ItemKey): { itemType: ItemType; itemId: string } {
  const colon = key.indexOf(':');
  return { itemType: key.slice(0, colon) as ItemType, itemId: key.slice(colon + 1) };
}

/** 1 now, 0.5 one half-life ago; an event "in the future" (clock skew between instances) counts as now. */
export function decay(at: Date, now: Date, halfLifeMs: number = HALF_LIFE_MS): number {
  const age = Math.max(0, now.getTime() - at.getTime());
  return 2 ** (-age / halfLifeMs);
}
