import { DeliveryError } from '../../domain/delivery';
import type { ActivityFeed, ChatSender, FeedNotice } from '../../domain/delivery-ports';
import type { MessagePayload } from '../../domain/notices';
import type { Person } from '../../domain/people';
import type { OutboundLimiter } from './outbound-limiter';

/** When Teams says 429 without `Retry-After`, the whole tenant pauses this long (the item itself backs off more). */
const DEFAULT_PAUSE_MS = 1_000;

/** Every proactive bot message waits for its conversation's and its tenant's budget; a 429 pauses the tenant. */
export class ThrottledChatSender implements ChatSender {
  constructor(private readonly inner: ChatSender, private readonly limiter: OutboundLimiter) {}

  async sendToReference(person: Person, reference: Readonly<Record<string, unknown>>, card: Readonly<Record<string, unknown>>): Promise<void> {
    const conversationId = String((reference.conversation as { id?: unknown } | undefined)?.id ?? person.userId);
    await this.guarded(person, conversationId, () => this.inner.sendToReference(person, reference, card));
  }

  async sendToChat(person: Person, chatId: string, card: Readonly<Record<string, unknown>>): Promise<void> {
    await this.guarded(person, chatId, () => this.inner.sendToChat(person, chatId, card));
  }

  private async guarded(person: Person, conversationId: string, send: () => Promise<void>): Promise<void> {
    await this.limiter.beforeChat(person.tenantId, conversationId);
    try {
      await send();
    } catch (error) {
      if (error instanceof DeliveryError && error.code === 'THROTTLED') await this.limiter.chatThrottled(person.tenantId, error.retryAfterMs ?? DEFAULT_PAUSE_MS);
      throw error;
    }
  }
}

/** Activity-feed notifications under the feed's own per-tenant budget (5 rps, facts §4.5). */
export class ThrottledActivityFeed implements ActivityFeed {
  constructor(private readonly inner: ActivityFeed, private readonly limiter: OutboundLimiter) {}

  async send(person: Person, kind: MessagePayload['kind'], notice: FeedNotice): Promise<void> {
    await this.limiter.beforeFeed(person.tenantId);
    try {
      await this.inner.send(person, kind, notice);
    } catch (error) {
      if (error instanceof DeliveryError && error.code === 'THROTTLED') await this.limiter.feedThrottled(person.tenantId, error.retryAfterMs ?? DEFAULT_PAUSE_MS);
      throw error;
    }
  }
}
