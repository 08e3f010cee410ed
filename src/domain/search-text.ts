/**
 * How text becomes search terms, the same at index time and at query time, so that `ANXIÉTÉ`,
 * `anxiete` and "l'anxiété" all meet on `anxiete`.
 */

/** Longer queries are cut: nobody types more on a phone, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Words too common to tell sessions apart, in English and French (already folded). */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'the', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'or', 'is', 'it', 'your', 'you', 'my',
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'et', 'ou', 'au', 'aux', 'en', 'pour', 'par', 'sur',
  'avec', 'dans', 'se', 'sa', 'son', 'ses', 'vos', 'votre', 'mon', 'ma', 'mes', 'qui', 'que', 'ce', 'j', 'qu', 's', 'n',
]);

/** Lower case without accents or ligatures: `Œuvre Épuisée` → `oeuvre epuisee`. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Splits on anything that is not a letter or a digit (spaces, punctuation, apostrophes, emoji, operators). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
}

/** The terms a catalogue text is indexed under: folded first, then split, like a query; no stop words. */
export function indexTerms(text: string): string[] {
  return tokenize(foldText(text)).filter((term) => !STOP_WORDS.has(term)).map((term) => term.slice(0, MAX_TERM_LENGTH));
}

/**
 * The terms to look for in a piece of query text: folded, de-duplicated, at most MAX_QUERY_TERMS.
 * Stop words are dropped unless nothing else is left, so someone typing "the" on their way to
 * "therapy" still gets prefix matches.
 */
export function queryTerms(text: string): string[] {
  const folded = [...new Set(tokenize(foldText(text)).map((token) => token.slice(0, MAX_TERM_LENGTH)))];
  const meaningful = folded.filter((term) => !STOP_WORDS.has(term));
  return (meaningful.length > 0 ? meaningful : folded).slice(0, MAX_QUERY_TERMS);
}

/**
 * Prefix matching as you type: the word being typed (the last) from two letters, the others from
 * three, so `anx` finds "anxiety" but a stray `a` does not match half the catalogue.
 */
export function matchesByPrefix(term: string, isLast: boolean): boolean {
  return term.length >= (isLast ? 2 : 3);
}

/** Typo tolerance grows with the word: none under 5 letters, one edit up to 8, two beyond. */
export function typoDistance(term: string): number {
  if (term.length < 5) return 0;
  return term.length <= 8 ? 1 : 2;
}
