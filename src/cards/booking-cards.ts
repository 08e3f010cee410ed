import type { SessionForViewer } from '../domain/booking';
import type { Language } from '../domain/catalog';
import { cardDateTime, formatMinutes, LIMITS, truncate } from './format';
import { createMessageCard } from './help-card';
import { renderTemplate, type AdaptiveCard } from './render';
import { CARD_VERBS } from './session-view';
import { fill, stringsFor } from './strings';
import mySessionsTemplate from './templates/my-sessions.json';

/**
 * "my sessions": the person's upcoming seats and waitlist places, each with its Cancel (and Join when
 * it is open). Cancel answers this list again (`from: my-sessions`), not a single session card.
 */
export function createMySessionsCard(views: readonly SessionForViewer[], language: Language, notice = ''): AdaptiveCard {
  const strings = stringsFor(language);
  const items = views.map((view) => {
    const waiting = view.waitlistPosition !== undefined;
    return {
      id: view.session.id,
      title: truncate(view.session.title, LIMITS.cardTitle),
      when: `${cardDateTime(view.session.startsAt)} · ${formatMinutes(view.session.durationMinutes)}`,
      place: waiting ? fill(strings.placeWaitlisted, { position: view.waitlistPosition ?? '' }) : strings.placeBooked,
      joinUrl: view.joinUrl ?? '',
      joinTitle: strings.actionJoin,
      cancelTitle: waiting ? strings.actionLeaveWaitlist : strings.actionCancelBooking,
      only: waiting ? 'waitlist' : '',
    };
  });
  return renderTemplate(mySessionsTemplate, { title: strings.mySessionsTitle, empty: strings.mySessionsEmpty, notice, items });
}

/** Puts a short line above a card's content: what the person's click just did, or why it could not. */
export function withNotice(card: AdaptiveCard, text: string): AdaptiveCard {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder', color: 'Accent' }, ...body] };
}

export type BookingProblem = 'not-found' | 'invalid' | 'unavailable';

/**
 * What a person sees when their click could not be served. "Unavailable" offers Try again and keeps
 * a `refresh`, so the card mends itself once the store answers again.
 */
export function createBookingProblemCard(problem: BookingProblem, language: Language, sessionId?: string): AdaptiveCard {
  const strings = stringsFor(language);
  const texts = {
    'not-found': { title: strings.problemNotFoundTitle, text: strings.problemNotFoundText },
    invalid: { title: strings.problemInvalidTitle, text: strings.problemInvalidText },
    unavailable: { title: strings.problemUnavailableTitle, text: strings.problemUnavailableText },
  }[problem];
  const card = createMessageCard(texts);
  if (problem !== 'unavailable' || !sessionId) return card;
  const retry = { type: 'Action.Execute', verb: CARD_VERBS.refresh, title: strings.actionTryAgain, data: { sessionId } };
  return { ...card, actions: [retry], refresh: { action: { type: 'Action.Execute', verb: CARD_VERBS.refresh, data: { sessionId } } } };
}
