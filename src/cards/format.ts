import type { Language } from '../domain/catalog';
import { stringsFor } from './strings';

/** Text limits that keep every card far below Teams' 80 KB guidance (facts §2.2), whatever the catalogue holds. */
export const LIMITS = {
  cardTitle: 200,
  cardDescription: 1_500,
  cardTopics: 300,
  previewTitle: 80,
  previewText: 160,
} as const;

/** At most `max` characters, cut between code points (never half an emoji) and marked with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // A code point is at most two UTF-16 units, so the first 2×max units hold more than enough.
  const characters = Array.from(text.slice(0, max * 2));
  if (characters.length <= max && text.length <= max * 2) return text;
  return `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Adaptive Card date and time functions: each client shows them in its own time zone and locale.
 * The renderer only accepts RFC 3339 without fractions of a second (adaptivecards `text-formatters`).
 */
export function cardDateTime(instant: Date): string {
  const iso = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} · {{TIME(${iso})}}`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function languageName(language: Language, viewer: Language): string {
  const strings = stringsFor(viewer);
  return language === 'fr' ? strings.languageFr : strings.languageEn;
}

/**
 * Previews are thumbnail cards, which have no date functions: the time is written out here, in the
 * viewer's zone and locale as the search request told us. A bad zone or locale falls back to UTC / the language.
 */
export function localDateTime(instant: Date, where: { timeZone: string; locale?: string; language: Language }): string {
  const fallbackLocale = where.language === 'fr' ? 'fr-FR' : 'en-GB';
  try {
    return formatter(where.locale ?? fallbackLocale, where.timeZone).format(instant);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `${formatter(fallbackLocale, 'UTC').format(instant)} UTC`;
  }
}

/** Building a formatter costs far more than using one, and a page of results shares one viewer. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 200;

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, cached);
  }
  return cached;
}
