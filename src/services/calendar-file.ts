import { ICalCalendarMethod, default as ical } from 'ical-generator';
import { endsAt, type Session } from '../domain/catalog';

/**
 * One iCalendar event for a session. Times are written in UTC (`…Z`): every calendar converts them
 * to the reader's own zone, so no VTIMEZONE block is needed and no zone can be got wrong. The UID is
 * stable per session, so importing the file again updates the event instead of duplicating it.
 */
export function sessionCalendarFile(session: Session, links: { joinUrl: string; host: string }, now: Date): string {
  const calendar = ical({ name: session.title, prodId: { company: 'wellbeing', product: 'teams-app', language: session.language.toUpperCase() } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  calendar.createEvent({
    id: `${session.id}@${links.host}`,
    stamp: now,
    start: session.startsAt,
    end: endsAt(session),
    summary: session.title,
    description: `${session.description}\n\n${links.joinUrl}`,
    location: 'Microsoft Teams',
    url: links.joinUrl,
  });
  return calendar.toString();
}
