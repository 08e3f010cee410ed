import type { SessionChange } from './catalog';
import type { Person } from './people';
import type { PrivacyActor } from './privacy';

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
  | { readonly kind: 'recommendations.digest'; readonly courseIds: readonly string[] }
  /**
   * A session the catalogue moved or cancelled: queued by the import before it writes, so the notices
   * to everyone booked or waiting are never lost, even if the process dies right after the write.
   */
  | { readonly kind: 'session.changed'; readonly change: SessionChange }
  /** Retry of a CRM contact create/update that failed; the handler reads the current e-mail and names again. */
  | { readonly kind: 'crm.sync' }
  /**
   * An erasure that could not finish at once (the CRM was down). It carries what is needed to finish
   * and to tell the person: the opaque CRM id and their chat's reference (ids only); it is deleted on completion.
   */
  | { readonly kind: 'privacy.erase'; readonly requestId: string; readonly actor: PrivacyActor; readonly externalId: string; readonly reference?: Readonly<Record<string, unknown>>; readonly language: 'en' | 'fr' };

export type NoticeKind = NoticePayload['kind'];

/**
 * Kinds in the queue that are background work rather than messages: the privacy worker runs them
 * (never dead-lettered; retried until done), the notice scheduler never claims them.
 */
export const PRIVACY_JOB_KINDS = ['crm.sync', 'privacy.erase'] as const satisfies readonly NoticeKind[];
export type PrivacyJobKind = (typeof PRIVACY_JOB_KINDS)[number];
/** What the notice scheduler delivers to people (everything but background jobs). */
export type MessagePayload = Exclude<NoticePayload, { kind: PrivacyJobKind | 'session.changed' }>;

export function isMessagePayload(payload: NoticePayload): payload is MessagePayload {
  return payload.kind !== 'session.changed' && !(PRIVACY_JOB_KINDS as readonly string[]).includes(payload.kind);
}

/** Queue items need an owner; catalogue jobs belong to no person (never matched by an erasure). */
export const CATALOG_JOB_OWNER: Person = { userId: 'catalogue', tenantId: 'system' };

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
  /** One per session and import: a session moved back to an earlier time is a new change, not a duplicate. */
  catalogChange: (sessionId: string, importedAt: Date) => `session-change:${sessionId}:${importedAt.getTime()}`,
  digest: (person: Person, isoWeek: string) => `digest:${isoWeek}:${person.tenantId}:${person.userId}`,
  crmSync: (person: Person) => `crm-sync:${person.tenantId}:${person.userId}`,
  erasure: (person: Person) => `erase:${person.tenantId}:${person.userId}`,
};
