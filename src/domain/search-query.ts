import type { Language } from './catalog';
import { localDate, startOfLocalDay, type TimeZone } from './local-time';
import { foldText, MAX_QUERY_LENGTH, queryTerms, tokenize } from './search-text';

/** A half-open range of start times [from, to). */
export interface DayRange {
  readonly from: Date;
  readonly to: Date;
}

export interface SearchFilters {
  /** Empty: any language. */
  readonly languages: readonly Language[];
  /** Empty: any day. A session matches when it starts inside one of the ranges. */
  readonly days: readonly DayRange[];
}

export interface ParsedSearchQuery {
  /** The query without its filter words, folded. */
  readonly text: string;
  /** The words to search for (see `queryTerms`). */
  readonly terms: readonly string[];
  readonly filters: SearchFilters;
}

export interface QueryContext {
  readonly now: Date;
  /** The viewer's zone: "today" is their today. */
  readonly timeZone: TimeZone;
  /** Day words are filters for sessions; courses have no date, so there they stay plain words. */
  readonly dayFilters: boolean;
}

type DayWord = 'today' | 'tomorrow' | 'thisWeek' | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Language names count wherever they are; the bare codes only first or last, as `en` is also a French word. */
const LANGUAGE_NAMES: Record<string, Language> = { english: 'en', anglais: 'en', french: 'fr', francais: 'fr' };
const LANGUAGE_CODES: Record<string, Language> = { en: 'en', fr: 'fr' };

const DAY_WORDS: Record<string, DayWord> = {
  today: 'today', tomorrow: 'tomorrow', demain: 'tomorrow',
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
};
/** Filters of several words, matched on the folded text before it is split. */
const DAY_PHRASES: readonly [RegExp, DayWord][] = [
  [/(?<![\p{L}\p{N}])aujourd\W?\s*hui(?![\p{L}\p{N}])/gu, 'today'],
  [/(?<![\p{L}\p{N}])this\s+week(?![\p{L}\p{N}])/gu, 'thisWeek'],
  [/(?<![\p{L}\p{N}])cette\s+semaine(?![\p{L}\p{N}])/gu, 'thisWeek'],
];

/**
 * Reads what a person typed in the search box: filter words (a language, a day) become filters and
 * leave the text; the rest is what to search for. Never throws, whatever the input.
 */
export function parseSearchQuery(raw: string, context: QueryContext): ParsedSearchQuery {
  let folded = foldText(raw.slice(0, MAX_QUERY_LENGTH));
  const dayWords: DayWord[] = [];
  if (context.dayFilters) {
    for (const [pattern, word] of DAY_PHRASES) {
      folded = folded.replace(pattern, () => {
        dayWords.push(word);
        return ' ';
      });
    }
  }
  const tokens = tokenize(folded);
  const languages = new Set<Language>();
  const kept = tokens.filter((token, index) => {
    const atEdge = index === 0 || index === tokens.length - 1;
    const language = LANGUAGE_NAMES[token] ?? (atEdge ? LANGUAGE_CODES[token] : undefined);
    if (language) {
      languages.add(language);
      return false;
    }
    const day = context.dayFilters ? DAY_WORDS[token] : undefined;
    if (day !== undefined) {
      dayWords.push(day);
      return false;
    }
    return true;
  });
  const text = kept.join(' ');
  return {
    text,
    terms: queryTerms(text),
    filters: { languages: [...languages], days: [...new Set(dayWords)].map((word) => dayRange(word, context)) },
  };
}

/** The start times a day word covers, from the viewer's point of view. */
function dayRange(word: DayWord, { now, timeZone }: QueryContext): DayRange {
  switch (word) {
    case 'today':
      return { from: now, to: startOfLocalDay(now, timeZone, 1) };
    case 'tomorrow':
      return { from: startOfLocalDay(now, timeZone, 1), to: startOfLocalDay(now, timeZone, 2) };
    case 'thisWeek': {
      // Weeks start on Monday (ISO 8601), as in both French and British usage.
      const daysLeft = 8 - localDate(now, timeZone).weekday;
      return { from: now, to: startOfLocalDay(now, timeZone, daysLeft) };
    }
    default: {
      // The next such day; today when it is today (the rest of it).
      const ahead = (word - localDate(now, timeZone).weekday + 7) % 7;
      const from = ahead === 0 ? now : startOfLocalDay(now, timeZone, ahead);
      return { from, to: startOfLocalDay(now, timeZone, ahead + 1) };
    }
  }
}
