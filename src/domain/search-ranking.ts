/**
 * How search results are ordered. A result matching every word the person typed comes before one
 * matching only some; within each group the relevance score decides, and a tie goes to the sooner
 * session. Field weights make a word in the title count more than in the topics, the topics more
 * than the facilitator, the facilitator more than the description.
 */
export const FIELD_WEIGHTS = { title: 8, topics: 4, facilitator: 2, description: 1 } as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;

export interface ScoredMatch<T> {
  readonly item: T;
  /** Relevance from the text index (higher is better). */
  readonly score: number;
  /** How many distinct query words the item matched (exactly, by prefix or with a typo). */
  readonly matchedTerms: number;
}

/** Scores this close are equal: floating-point noise must not beat the date order. */
const SCORE_TOLERANCE = 1e-9;

/** Negative when `a` ranks before `b`. */
export function compareMatches<T>(a: ScoredMatch<T>, b: ScoredMatch<T>, termCount: number, startTime: (item: T) => number): number {
  const allA = a.matchedTerms >= termCount ? 1 : 0;
  const allB = b.matchedTerms >= termCount ? 1 : 0;
  if (allA !== allB) return allB - allA;
  if (Math.abs(a.score - b.score) > SCORE_TOLERANCE * Math.max(a.score, b.score)) return b.score - a.score;
  return startTime(a.item) - startTime(b.item);
}

/**
 * The best `limit` matches in rank order. A common word can match thousands of sessions while a page
 * shows 25: keeping only the best few as they come costs far less than sorting them all.
 */
export function bestMatches<T>(matches: Iterable<ScoredMatch<T>>, termCount: number, limit: number, startTime: (item: T) => number = () => 0): ScoredMatch<T>[] {
  const best: ScoredMatch<T>[] = [];
  if (limit <= 0) return best;
  for (const match of matches) {
    if (best.length === limit && compareMatches(match, best[limit - 1]!, termCount, startTime) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareMatches(best[middle]!, match, termCount, startTime) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, match);
    if (best.length > limit) best.pop();
  }
  return best;
}
