import type { ViewerState } from '../domain/booking';
import type { Language, Session } from '../domain/catalog';

/**
 * How one viewer should see one session card. The search results (composeExtension/query), the
 * Universal Action answers (session.book / session.cancel / refresh) and "my sessions" all render
 * the same card from this view; only the state differs per person. The states and the rules that
 * pick them live in the domain (`src/domain/booking.ts`).
 */
export type { ViewerState };

export interface SessionCardView {
  readonly session: Session;
  readonly language: Language;
  readonly state: ViewerState;
  /** Seats left; the card shows this count and never who booked. */
  readonly seatsLeft: number;
  /** 1-based, when `state` is `waitlisted`. */
  readonly waitlistPosition?: number;
  /** Signed, tracked join link, present only when this viewer may join now. */
  readonly joinUrl?: string;
  /** Link to the session's .ics, present for booked viewers. */
  readonly calendarUrl?: string;
  /** Set when the provider moved the session after this viewer booked. */
  readonly movedFrom?: Date;
}

/** Universal Action verbs of session and course cards (`Action.Execute` `verb`); data is `{ sessionId }` / `{ courseId }`. */
export const CARD_VERBS = {
  book: 'session.book',
  cancel: 'session.cancel',
  refresh: 'session.refresh',
  dismissCourse: 'course.dismiss',
  /** On the recommendations card, data `{ weeklyDigest: boolean }`. */
  toggleDigest: 'recommendations.digest',
} as const;
