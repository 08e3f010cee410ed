import type { NoticePayload } from './notices';
import type { Person } from './people';

/**
 * Why one delivery attempt failed, in terms the retry policy understands. Adapters (bot, Graph)
 * translate what the remote service said into one of these codes; `detail` keeps the service, status
 * and sub-code for operators (never personal data).
 * - THROTTLED: the service asked us to slow down (429); retried after `retryAfterMs`, never counted as a failure.
 * - TRANSIENT: worth retrying with backoff (412, 5xx, network, timeout).
 * - NO_CONVERSATION: the chat cannot be reached this way (403 BotNotInConversationRoster / MessageWritesBlocked, 404 ConversationNotFound).
 * - BLOCKED: the person blocked or removed the app and it cannot be put back: dead-lettered at once.
 * - REJECTED: the request itself is wrong (400, 401, 413…); retrying will not help.
 */
export type DeliveryErrorCode = 'THROTTLED' | 'TRANSIENT' | 'NO_CONVERSATION' | 'BLOCKED' | 'REJECTED';

export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    readonly detail: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DeliveryError';
  }
}

/** One item the scheduler holds: a notice claimed from the queue under a lease. */
export interface ClaimedNotice {
  readonly key: string;
  readonly person: Person;
  readonly payload: NoticePayload;
  readonly dueAt: Date;
  /** Attempts so far, this one included. */
  readonly attempts: number;
  /** The claim this instance holds; state changes are refused once another instance took over. */
  readonly claim: string;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly countsAsAttempt: boolean }
  | { readonly action: 'dead'; readonly reason: string };

/**
 * What to do after a failed attempt. Backoff is exponential with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"): many items failing together do not retry together.
 * Throttling is not a failure: it waits what the service asked and does not use up attempts.
 * `random` is in [0, 1) and passed in, so the rule stays pure.
 */
export function decideRetry(error: DeliveryError, attempts: number, policy: RetryPolicy, random: number): RetryDecision {
  if (error.code === 'BLOCKED' || error.code === 'REJECTED') return { action: 'dead', reason: `${error.code}: ${error.detail}` };
  if (error.code === 'THROTTLED') {
    const wait = error.retryAfterMs ?? backoff(attempts, policy, random);
    return { action: 'retry', delayMs: Math.max(0, wait) + Math.floor(random * 250), countsAsAttempt: false };
  }
  if (attempts >= policy.maxAttempts) return { action: 'dead', reason: `gave up after ${attempts} attempts: ${error.code}: ${error.detail}` };
  return { action: 'retry', delayMs: backoff(attempts, policy, random), countsAsAttempt: true };
}

/** Exponential backoff with full jitter (`random` in [0, 1)), never under half the base delay. */
export function backoff(attempts: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(policy.baseDelayMs / 2, Math.floor(random * ceiling));
}

/**
 * A `Retry-After` value in milliseconds: seconds (Graph sends fractions, e.g. `2.128`) or an HTTP
 * date. Undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
