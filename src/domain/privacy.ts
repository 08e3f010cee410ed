import type { Person } from './people';

/** What the directory (Microsoft Graph) says about a person: read when needed, never stored. */
export interface DirectoryProfile {
  readonly givenName?: string;
  readonly surname?: string;
  readonly displayName?: string;
  readonly mail?: string;
}

/** Everything the CRM ever receives about a person (the compliance statement: first name, last name, e-mail). */
export interface CrmContact {
  /** Opaque: derived from the person's ids with a secret, so it identifies nobody outside this app. */
  readonly externalId: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email: string;
}

/** Local mode has no directory: a person's e-mail is what the activity offers, or this clear placeholder. */
export const LOCAL_PLACEHOLDER_DOMAIN = 'localhost.invalid';

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

/** `local-<id>@localhost.invalid`: unmistakably not a real address (RFC 2606 reserves `.invalid`). */
export function localPlaceholderEmail(person: Person): string {
  const id = person.userId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'user';
  return `local-${id}@${LOCAL_PLACEHOLDER_DOMAIN}`;
}

/**
 * The CRM contact for a person: first and last name from the directory (falling back to splitting the
 * display name), the e-mail, the opaque id. Nothing else can reach the CRM: this is the only builder.
 */
export function crmContactFrom(externalId: string, email: string, profile: DirectoryProfile | undefined): CrmContact {
  let firstName = profile?.givenName?.trim() || undefined;
  let lastName = profile?.surname?.trim() || undefined;
  if (!firstName && !lastName && profile?.displayName?.trim()) {
    const [first, ...rest] = profile.displayName.trim().split(/\s+/);
    firstName = first;
    lastName = rest.join(' ') || undefined;
  }
  return { externalId, email, ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}) };
}

/** Who asked for an erasure or an export: recorded in the audit, never who the person was. */
export type PrivacyActor = 'self' | 'operator-cli' | 'admin-api';

/**
 * One audit line. It records that something happened and how much, never about whom: no id, e-mail
 * or name. `requestId` ties a request to its completion.
 */
export interface AuditEntry {
  readonly action: 'erasure.requested' | 'erasure.completed' | 'export.created' | 'export.downloaded';
  readonly actor: PrivacyActor;
  readonly requestId: string;
  readonly at: Date;
  /** Records removed per collection, for an erasure. */
  readonly counts?: Readonly<Record<string, number>>;
}

/**
 * k-anonymity: below this many distinct people a figure (a report cell, an item's popularity, a pair
 * of items taken together) could point at someone, so it is withheld or never used.
 */
export const MIN_GROUP_SIZE = 5;
