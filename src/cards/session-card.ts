import type { TimeZone } from '../domain/local-time';
import { topicLabel } from '../domain/topics';
import { CompiledTemplate } from './compiled-template';
import { cardDateTime, formatMinutes, languageName, LIMITS, localDateTime, truncate } from './format';
import type { PreviewCard } from './preview';
import type { AdaptiveCard } from './render';
import { CARD_VERBS, type SessionCardView, type ViewerState } from './session-view';
import { fill, stringsFor, type Strings } from './strings';
import sessionTemplate from './templates/session.json';

const template = new CompiledTemplate(sessionTemplate, ['state']);

const STATUS_COLOR: Record<ViewerState, string> = {
  open: 'Good', full: 'Warning', booked: 'Good', waitlisted: 'Accent', started: 'Default', cancelled: 'Attention',
};

/**
 * The session card as one viewer should see it. Date and time use the Adaptive Card DATE/TIME
 * functions, so every person reading a shared card sees their own time zone. Only seat counts are
 * shown, never who booked. It carries a `refresh` so each viewer's client asks for their own state.
 */
export function createSessionCard(view: SessionCardView): AdaptiveCard {
  const strings = stringsFor(view.language);
  const { session } = view;
  return template.render({
    language: view.language,
    sessionId: session.id,
    verbs: CARD_VERBS,
    state: view.state,
    title: truncate(session.title, LIMITS.cardTitle),
    facilitator: fill(strings.sessionWith, { facilitator: truncate(session.facilitator, LIMITS.cardTitle) }),
    when: cardDateTime(session.startsAt),
    duration: formatMinutes(session.durationMinutes),
    moved: view.movedFrom ? fill(strings.sessionMoved, { when: cardDateTime(view.movedFrom) }) : '',
    status: statusText(view, strings),
    statusColor: STATUS_COLOR[view.state],
    facts: [
      { label: strings.factLanguage, value: languageName(session.language, view.language) },
      { label: strings.factTopics, value: truncate(session.topics.map((topic) => topicLabel(topic, view.language)).join(', '), LIMITS.cardTopics) },
    ],
    description: truncate(session.description, LIMITS.cardDescription),
    privacy: strings.privacyNote,
    actions: {
      book: strings.actionBook,
      joinWaitlist: strings.actionJoinWaitlist,
      cancelBooking: strings.actionCancelBooking,
      leaveWaitlist: strings.actionLeaveWaitlist,
      join: strings.actionJoin,
      calendar: strings.actionCalendar,
    },
    joinUrl: view.joinUrl ?? '',
    calendarUrl: view.calendarUrl ?? '',
  });
}

/** The compose-box list entry: short title, when (in the viewer's zone), and the seat status. */
export function createSessionPreview(view: SessionCardView, where: { timeZone: TimeZone; locale?: string }): PreviewCard {
  const strings = stringsFor(view.language);
  const { session } = view;
  const when = localDateTime(session.startsAt, { ...where, language: view.language });
  return {
    title: truncate(session.title, LIMITS.previewTitle),
    subtitle: `${when} · ${formatMinutes(session.durationMinutes)} · ${languageName(session.language, view.language)}`,
    text: truncate(`${statusText(view, strings)} · ${fill(strings.sessionWith, { facilitator: session.facilitator })}`, LIMITS.previewText),
  };
}

function statusText(view: SessionCardView, strings: Strings): string {
  switch (view.state) {
    case 'open':
      return view.seatsLeft === 1 ? strings.sessionSeatsOne : fill(strings.sessionSeatsMany, { count: view.seatsLeft });
    case 'full':
      return strings.sessionFull;
    case 'booked':
      return strings.sessionBooked;
    case 'waitlisted':
      return view.waitlistPosition ? fill(strings.sessionWaitlisted, { position: view.waitlistPosition }) : strings.sessionWaitlistedPlain;
    case 'started':
      return strings.sessionStarted;
    case 'cancelled':
      return strings.sessionCancelled;
  }
}
