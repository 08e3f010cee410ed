import type { Language } from '../domain/catalog';
import { renderTemplate, type AdaptiveCard } from './render';
import { CARD_VERBS } from './session-view';
import { fill, stringsFor } from './strings';
import noticeTemplate from './templates/notice.json';

/** What a proactive notice about one session shows. Links are empty when they do not apply. */
export interface NoticeCardView {
  readonly language: Language;
  readonly title: string;
  readonly text: string;
  readonly sessionId: string;
  readonly sessionTitle: string;
  readonly startsAt: Date;
  readonly joinUrl: string;
  readonly calendarUrl: string;
  /** Offer "Cancel my booking" (not on a cancelled session). */
  readonly showCancel: boolean;
}

/**
 * A reminder or change notice: the session, its time in the reader's own time zone (Adaptive Cards'
 * DATE/TIME functions format on the client), and Join / Cancel / Add to calendar.
 */
export function createNoticeCard(view: NoticeCardView): AdaptiveCard {
  const strings = stringsFor(view.language);
  const iso = view.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return renderTemplate(noticeTemplate, {
    title: view.title,
    text: view.text,
    sessionId: view.sessionId,
    sessionTitle: view.sessionTitle,
    when: `{{DATE(${iso}, LONG)}} {{TIME(${iso})}}`,
    joinUrl: view.joinUrl,
    calendarUrl: view.calendarUrl,
    showCancel: view.showCancel,
    cancelVerb: CARD_VERBS.cancel,
    joinLabel: strings.actionJoin,
    cancelLabel: strings.actionCancelBooking,
    calendarLabel: strings.actionCalendar,
  });
}

/** `1 day`, `1 hour`, `15 minutes` — how far ahead a reminder is, in the reader's language. */
export function describeOffset(offsetMs: number, language: Language): string {
  const strings = stringsFor(language);
  const minutes = Math.max(1, Math.round(offsetMs / 60_000));
  const hours = Math.round(minutes / 60);
  const days = Math.round(hours / 24);
  if (hours >= 24) return days === 1 ? strings.durationDay : fill(strings.durationDays, { n: String(days) });
  if (minutes >= 60) return hours === 1 ? strings.durationHour : fill(strings.durationHours, { n: String(hours) });
  return minutes === 1 ? strings.durationMinute : fill(strings.durationMinutes, { n: String(minutes) });
}
