import type { Language } from '../domain/catalog';
import { createErrorCard, createMessageCard } from './help-card';
import type { PreviewCard } from './preview';
import type { AdaptiveCard } from './render';
import { stringsFor } from './strings';

export type SearchKind = 'sessions' | 'courses';

/** The one result shown when a search finds nothing: what to try instead, as a card and its preview. */
export function createNothingFoundResult(kind: SearchKind, language: Language): { card: AdaptiveCard; preview: PreviewCard } {
  const strings = stringsFor(language);
  const text = kind === 'sessions' ? strings.nothingFoundSessions : strings.nothingFoundCourses;
  return { card: createMessageCard({ title: strings.nothingFoundTitle, text }), preview: { title: strings.nothingFoundTitle, text } };
}

/** The one result shown when the search itself failed: an apology, never an error in Teams. */
export function createSearchFailedResult(language: Language): { card: AdaptiveCard; preview: PreviewCard } {
  const strings = stringsFor(language);
  return { card: createErrorCard(language), preview: { title: strings.errorTitle, text: strings.errorText } };
}
