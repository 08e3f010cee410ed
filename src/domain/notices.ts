import type { Person } from './people';

/**
 * Something the app must tell a person later, proactively: a reminder before a session, a notice
 * that a session moved or was cancelled, a waitlist seat that became theirs, a weekly digest. Each
 * goes through the persisted delivery queue; `key` makes enqueueing idempotent (the same key is
 * never queued twice), `dueAt` is when it should go out.
 */
export type NoticePayload =
  | { readonly kind: 'session.reminder'; readonly sessionId: string; readonly offsetMs: number; readonly startsAt: Date }
  | { readonly kind: 'session.moved'; readonly sessionId: string; readonly previousStartsAt: Date; readonly startsAt: Date }
  | { readonly kind: 'session.cancelled'; readonly sessionId: string }
  | { readonly kind: 'waitlist.promoted'; readonly sessionId: string }
  | { readonly kind: 'recommendations.digest'; readonly courseIds: readonly string[] };

export type NoticeKind = NoticePayload['kind'];

export interface Notice {
  readonly key: string;
  readonly person: Person;
  readonly dueAt: Date;
  readonly payload: NoticePayload;
}

/** Stable keys: the same event for the same person always produces the same key. */
export const noticeKeys = {
  /** The start is part of the key: after a move, the new reminders are new items, not duplicates of those sent. */
  reminder: (person: Person, sessionId: string, startsAt: Date, offsetMs: number) =>
    `reminder:${sessionId}:${startsAt.getTime()}:${offsetMs}:${person.tenantId}:${person.userId}`,
  /** What `cancelPending` takes to drop every pending reminder of one person for one session. */
  reminderPrefix: (sessionId: string) => `reminder:${sessionId}:`,
  sessionChange: (person: Person, sessionId: string, changeVersion: string) => `change:${sessionId}:${changeVersion}:${person.tenantId}:${person.userId}`,
  promotion: (person: Person, sessionId: string, promotedAt: Date) => `promoted:${sessionId}:${promotedAt.getTime()}:${person.tenantId}:${person.userId}`,
  digest: (person: Person, isoWeek: string) => `digest:${isoWeek}:${person.tenantId}:${person.userId}`,
};
