import type { ItemTrace } from './profile';
import type { ItemKey } from './signals';

/** What the person did with the item a "because you …" reason names. */
export type HistoryAction = 'attended' | 'booked' | 'viewed' | 'visited';

/**
 * Why a course is recommended, as one line the card renders in the person's language. Each kind
 * speaks only of the person's own history, their own interests, or a count of at least MIN_PEOPLE
 * colleagues: never of anyone in particular.
 *
 * - `history`: "Because you attended 'Mieux dormir'" (an item of their own, by topic or co-occurrence)
 * - `interest`: "Matches your interest in sleep" (a topic they picked in settings)
 * - `popular`: "Popular with colleagues" (at least MIN_PEOPLE distinct people in their tenant)
 * - `starter`: "A short course to start with" (nothing else to go on)
 */
export type RecommendationReason =
  | { readonly kind: 'history'; readonly action: HistoryAction; readonly item: ItemKey }
  | { readonly kind: 'interest'; readonly topic: string }
  | { readonly kind: 'popular' }
  | { readonly kind: 'starter' };

/** The most telling thing the person did with an item: attending beats booking beats opening. */
export function historyAction(trace: ItemTrace): HistoryAction {
  const signals = trace.signals;
  if ((signals.attended ?? 0) > 0) return 'attended';
  if ((signals.booked ?? 0) + (signals.waitlisted ?? 0) > 0) return 'booked';
  if ((signals.viewed ?? 0) > 0) return 'viewed';
  return 'visited';
}
