import { Template } from 'adaptivecards-templating';
import type { Language } from '../domain/catalog';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/**
 * Teams renders Adaptive Cards up to 1.5, and Teams mobile refuses a card without `version`
 * (facts §2.1), so every card we produce is stamped 1.5 whatever its template says.
 */
export const CARD_VERSION = '1.5';

/**
 * Expands a JSON template with `adaptivecards-templating`. Values are data, not templates: a title
 * that contains `${…}` is shown as typed, never evaluated.
 */
export function renderTemplate(template: object, data: object): AdaptiveCard {
  const card = new Template(template).expand({ $root: data }) as AdaptiveCard;
  return { ...card, type: 'AdaptiveCard', version: CARD_VERSION };
}

/** `fr-FR`, `fr-CA`, `fr` → `fr`; anything else → `en`. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
