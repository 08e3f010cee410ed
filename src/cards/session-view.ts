import type { SessionForViewer, ViewerState } from '../domain/booking';
import type { Language } from '../domain/catalog';

/**
 * How one viewer should see one session card: the domain's view for that person (seats left, their
 * own place, their own links; never who booked) in their language. The search results, the Universal
 * Action answers (session.book / session.cancel / refresh) and "my sessions" all render the same card
 * from it; only the state differs per person. The states and the rules that pick them live in
 * `src/domain/booking.ts`.
 */
export type { ViewerState };

export type SessionCardView = SessionForViewer & { readonly language: Language };

/** Universal Action verbs of session and course cards (`Action.Execute` `verb`); data is `{ sessionId }` / `{ courseId }`. */
export const CARD_VERBS = {
  book: 'session.book',
  cancel: 'session.cancel',
  refresh: 'session.refresh',
  dismissCourse: 'course.dismiss',
  /** On the recommendations card, data `{ weeklyDigest: boolean }`. */
  toggleDigest: 'recommendations.digest',
} as const;
