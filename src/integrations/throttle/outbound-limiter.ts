import { RateLimiterMemory, RateLimiterQueue, type RateLimiterRes } from 'rate-limiter-flexible';

/** A limit as Teams publishes it: `points` calls per `windowMs`. */
export interface RateWindow {
  readonly points: number;
  readonly windowMs: number;
}

export interface OutboundLimits {
  /** Bot Connector calls per second for one tenant, for this instance (its share of the tenant budget). */
  readonly tenantRps: number;
  /** Activity-feed notifications per second for one tenant, for this instance. */
  readonly feedRps: number;
  /** Per conversation (thread): Teams' 7/1 s, 8/2 s, 60/30 s, 1800/h by default. */
  readonly conversation: readonly RateWindow[];
}

/** Large enough never to refuse a waiter in practice: the scheduler's concurrency bounds the queue. */
const MAX_WAITERS = 100_000;

/**
 * Keeps outbound calls under Teams' limits with `rate-limiter-flexible`. Per-second budgets are
 * spread evenly: a window of at least 10 ms holding its share of points, so a burst never crowds the
 * start of a second (Teams counts per second; 50 calls in the first 20 ms would be throttled).
 * Waiters queue first-in first-out per tenant (`RateLimiterQueue`, one timer per queue, no polling).
 * A 429 blocks the tenant's bucket for the `Retry-After` it named: the whole instance backs off, not
 * only the call that was refused.
 */
export class OutboundLimiter {
  private readonly chat: PacedBucket;
  private readonly feed: PacedBucket;
  private readonly conversation: RateLimiterMemory[];

  constructor(limits: OutboundLimits) {
    this.chat = new PacedBucket(limits.tenantRps);
    this.feed = new PacedBucket(limits.feedRps);
    this.conversation = limits.conversation.map((window, index) =>
      new RateLimiterMemory({ keyPrefix: `conversation-${index}`, points: window.points, duration: window.windowMs / 1000 }));
  }

  /** Resolves when a Bot Connector call to this conversation may go out. */
  async beforeChat(tenantId: string, conversationId: string): Promise<void> {
    // Conversation windows first: a call waiting on its thread must not hold a tenant slot meanwhile.
    for (const limiter of this.conversation) await consumeWhenAllowed(limiter, conversationId);
    await this.chat.take(tenantId);
  }

  async beforeFeed(tenantId: string): Promise<void> {
    await this.feed.take(tenantId);
  }

  /** Teams answered 429: no call for this tenant until `retryAfterMs` has passed. */
  async chatThrottled(tenantId: string, retryAfterMs: number): Promise<void> {
    await this.chat.block(tenantId, retryAfterMs);
  }

  async feedThrottled(tenantId: string, retryAfterMs: number): Promise<void> {
    await this.feed.block(tenantId, retryAfterMs);
  }
}

class PacedBucket {
  private readonly limiter: RateLimiterMemory;
  private readonly queue: RateLimiterQueue;

  constructor(perSecond: number) {
    const windowMs = Math.max(10, 1000 / perSecond);
    const points = Math.max(1, Math.floor((perSecond * windowMs) / 1000));
    this.limiter = new RateLimiterMemory({ keyPrefix: 'tenant', points, duration: windowMs / 1000 });
    this.queue = new RateLimiterQueue(this.limiter, { maxQueueSize: MAX_WAITERS });
  }

  async take(key: string): Promise<void> {
    await this.queue.removeTokens(1, key);
  }

  async block(key: string, ms: number): Promise<void> {
    if (ms > 0) await this.limiter.block(key, ms / 1000);
  }
}

async function consumeWhenAllowed(limiter: RateLimiterMemory, key: string): Promise<void> {
  for (;;) {
    try {
      await limiter.consume(key);
      return;
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, (rejection as RateLimiterRes).msBeforeNext)));
    }
  }
}
