import type { Language } from './catalog';

/**
 * Who a person is to the app: their Entra object id (or, in local mode, the channel's user id), their
 * tenant and their e-mail. Names and photos are read from Graph when shown and never stored.
 */
export interface Person {
  readonly userId: string;
  readonly tenantId: string;
}

export interface UserPreferences {
  readonly locale?: Language;
  /** Reminder offsets in milliseconds; an empty list means "no reminders"; absent means the default. */
  readonly reminderOffsetsMs?: readonly number[];
  readonly interests?: readonly string[];
  /** Opt-in weekly digest of recommendations; absent means off. */
  readonly weeklyDigest?: boolean;
}

export interface UserRecord extends Person {
  readonly email: string | undefined;
  readonly preferences: UserPreferences;
  readonly createdAt: Date;
}

/**
 * Where the bot can reach a person proactively: the Bot Framework conversation reference of their
 * personal (1:1) chat, as captured from their own activities. It holds ids only, no names.
 */
export interface ConversationReferenceRecord extends Person {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly updatedAt: Date;
}
