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
 * adaptivecards-templating parses every `${…}` string of a template again on each expansion, which
 * costs milliseconds per card (ANTLR parser) and dominated the booking benchmark. The strings it
 * parses come from our own templates only (data values are never parsed), so the parsed expressions
 * are few and are kept; adaptive-expressions evaluates a parsed expression without changing it.
 */
const parsedExpressions = new Map<string, ReturnType<typeof Template.parseInterpolatedString>>();
const parseInterpolatedString = Template.parseInterpolatedString.bind(Template);
Template.parseInterpolatedString = (text: string) => {
  let parsed = parsedExpressions.get(text);
  if (parsed === undefined) {
    parsed = parseInterpolatedString(text);
    if (parsedExpressions.size < 10_000) parsedExpressions.set(text, parsed);
  }
  return parsed;
};

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
