import { renderTemplate, type AdaptiveCard } from './render';
import { CARD_VERBS, type SessionCardView } from './session-view';

// TEMPORARY stand-in until the search branch's session card lands on main: same signature, bare layout.

export interface SessionCardOptions {
  readonly refresh?: boolean;
}

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: '${verbs.refresh}', data: { sessionId: '${sessionId}' } } },
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${status}', wrap: true },
  ],
  actions: [
    { $when: "${state == 'open'}", type: 'Action.Execute', title: 'Book', verb: '${verbs.book}', data: { sessionId: '${sessionId}' } },
    { $when: "${state == 'full'}", type: 'Action.Execute', title: 'Join waitlist', verb: '${verbs.book}', data: { sessionId: '${sessionId}' } },
    { $when: "${state == 'booked'}", type: 'Action.Execute', title: 'Cancel', verb: '${verbs.cancel}', data: { sessionId: '${sessionId}' } },
    { $when: "${state == 'waitlisted'}", type: 'Action.Execute', title: 'Leave waitlist', verb: '${verbs.cancel}', data: { sessionId: '${sessionId}' } },
    { $when: "${calendarUrl != ''}", type: 'Action.OpenUrl', title: 'Add to calendar', url: '${calendarUrl}' },
    { $when: "${joinUrl != ''}", type: 'Action.OpenUrl', title: 'Join', url: '${joinUrl}' },
  ],
};

export function createSessionCard(view: SessionCardView, options: SessionCardOptions = {}): AdaptiveCard {
  const status = `${view.state} · ${view.seatsLeft} seats left${view.waitlistPosition ? ` · waitlist #${view.waitlistPosition}` : ''}${view.movedFrom ? ` · moved from ${view.movedFrom.toISOString()}` : ''}`;
  const card = renderTemplate(TEMPLATE, {
    verbs: CARD_VERBS, sessionId: view.session.id, title: view.session.title, state: view.state, status,
    calendarUrl: view.calendarUrl ?? '', joinUrl: view.joinUrl ?? '',
  });
  if (options.refresh !== false) return card;
  const { refresh: _refresh, ...withoutRefresh } = card;
  return withoutRefresh as AdaptiveCard;
}
