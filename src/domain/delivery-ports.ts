import type { ClaimedNotice } from './delivery';
import type { MessagePayload } from './notices';

type MessageKind = MessagePayload['kind'];
import type { Person } from './people';
import type { NoticeQueue } from './ports';

/**
 * Ports of proactive delivery (issue #6). Producers see only `NoticeQueue` (ports.ts); the scheduler
 * sees `DeliveryQueue`; delivery goes out through `Notifier`, which picks chat or feed and is built
 * from `ChatSender` (Bot Connector, in src/bot), `AppInstallations` and `ActivityFeed` (Graph).
 */
export interface DeliveryQueue extends NoticeQueue {
  /** Atomically leases up to `limit` due items to `owner`; an item leased by a live claim is never handed out twice. */
  claimDue(owner: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotice[]>;
  /** Marks the item delivered (or skipped); false when the claim was lost (lease expired, taken over). */
  complete(item: ClaimedNotice, now: Date, outcome: 'sent' | 'skipped'): Promise<boolean>;
  /** Puts the item back for a later attempt. */
  retryLater(item: ClaimedNotice, dueAt: Date, error: string, countsAsAttempt: boolean): Promise<boolean>;
  /** Stops trying: the item stays, with its reason, for an operator to look at or retry. */
  deadLetter(item: ClaimedNotice, reason: string, now: Date): Promise<boolean>;
}

/** What a person is told, ready for either channel. */
export interface OutboundMessage {
  readonly kind: MessageKind;
  /** Adaptive Card for the chat channel. */
  readonly card: Readonly<Record<string, unknown>>;
  /** Activity-feed form: a short preview, template parameters, and where a click leads (back to the app). */
  readonly feed: FeedNotice;
}

export interface FeedNotice {
  readonly previewText: string;
  readonly templateParameters: readonly { readonly name: string; readonly value: string }[];
  readonly webUrl: string;
}

export type Channel = 'chat' | 'feed';

/** Delivers one message to one person on exactly one channel; throws DeliveryError. */
export interface Notifier {
  notify(person: Person, message: OutboundMessage): Promise<Channel>;
}

/** Proactive bot messages. Throws DeliveryError (NO_CONVERSATION when the chat is not usable). */
export interface ChatSender {
  /** Through the conversation reference captured when the person talked to the bot. */
  sendToReference(person: Person, reference: Readonly<Record<string, unknown>>, card: Readonly<Record<string, unknown>>): Promise<void>;
  /** Through the personal chat Graph found for the app's installation (`BOT_SERVICE_URL`). */
  sendToChat(person: Person, chatId: string, card: Readonly<Record<string, unknown>>): Promise<void>;
}

/** The app's installation for a person, found (and made) through Graph at run time; nothing is stored. */
export interface AppInstallations {
  /** The chat id of the person's personal chat with the app, installing the app for them if needed. */
  personalChatId(person: Person): Promise<string>;
  /** Installs the app for the person when it is missing (the activity feed needs it installed). */
  ensureInstalled(person: Person): Promise<void>;
}

export interface ActivityFeed {
  send(person: Person, kind: MessageKind, notice: FeedNotice): Promise<void>;
}

/**
 * What reminders need to know about bookings. The booking service (issue #5) implements it; until it
 * is wired, main.ts uses an empty directory (no audience, every reminder still queued counts as booked,
 * since cancelling a booking removes its pending reminders).
 */
export interface BookingDirectory {
  /** People holding a seat and people on the waitlist of a session. */
  audienceOf(sessionId: string): Promise<{ booked: readonly Person[]; waitlisted: readonly Person[] }>;
  isBooked(person: Person, sessionId: string): Promise<boolean>;
  /** Sessions the person holds a seat in that start after `now`. */
  upcomingSessionIdsOf(person: Person, now: Date): Promise<string[]>;
}

/** One queue item as an operator sees it: no user or tenant id, only what helps decide. */
export interface QueueRow {
  /** Short opaque reference (a hash of the key), to retry one item. */
  readonly ref: string;
  readonly kind: string;
  readonly sessionId: string | undefined;
  readonly dueAt: Date;
  readonly attempts: number;
  readonly throttled: number;
  readonly lastError: string | undefined;
  readonly leased: boolean;
}

export interface QueueSummary {
  readonly pendingDue: number;
  readonly pendingLater: number;
  readonly failing: number;
  readonly dead: number;
  readonly done: number;
}

export type QueueView = 'pending' | 'failing' | 'dead';

/** The operator's view of the queue (`npm run admin -- queue`). */
export interface QueueInspector {
  summary(now: Date): Promise<QueueSummary>;
  list(view: QueueView, now: Date, limit?: number): Promise<QueueRow[]>;
  /** Puts dead items back, due now, with fresh attempts: one by `ref`, or all. Returns how many. */
  retryDead(now: Date, ref?: string): Promise<number>;
}
