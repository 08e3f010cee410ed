import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import { DeliveryError, retryAfterMs } from '../domain/delivery';
import type { ChatSender } from '../domain/delivery-ports';
import type { Person } from '../domain/people';
import { sendCard } from './send';

export interface ProactiveSenderOptions {
  /** Empty in local mode (the connector is then called without a token, as Agents Playground expects). */
  readonly botAppId: string;
  /** `BOT_SERVICE_URL`: where chats found through Graph are reached. */
  readonly botServiceUrl: string;
  /** A call that has not answered by then counts as failed and is retried later. */
  readonly timeoutMs: number;
}

/** Sub-codes Teams uses when a personal chat cannot take the bot's message (facts §3.1). */
const NO_CONVERSATION_CODES = ['BotNotInConversationRoster', 'MessageWritesBlocked', 'ConversationNotFound'];
/** The person blocked the bot: nothing we can do brings the chat back. */
const BLOCKED_CODES = ['ConversationBlockedByUser'];

/**
 * Proactive messages through the adapter's `continueConversationAsync`, the only place that knows the
 * Bot Framework. Failures leave as DeliveryError codes the delivery policy understands.
 */
export class BotProactiveSender implements ChatSender {
  constructor(private readonly adapter: CloudAdapter, private readonly options: ProactiveSenderOptions) {}

  async sendToReference(_person: Person, reference: Readonly<Record<string, unknown>>, card: Readonly<Record<string, unknown>>): Promise<void> {
    await this.send(reference as Partial<ConversationReference>, card);
  }

  async sendToChat(person: Person, chatId: string, card: Readonly<Record<string, unknown>>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: this.options.botServiceUrl,
      conversation: { id: chatId, tenantId: person.tenantId, conversationType: 'personal', isGroup: false, name: '' },
      user: { id: person.userId, aadObjectId: person.userId, name: '' },
      bot: { id: `28:${this.options.botAppId}`, name: '' },
    };
    await this.send(reference, card);
  }

  private async send(reference: Partial<ConversationReference>, card: Readonly<Record<string, unknown>>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DeliveryError('TRANSIENT', `bot-connector timeout after ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    // The send's own failure is caught inside the turn: the adapter's onTurnError would otherwise
    // swallow it (botbuilder's BotAdapter.runMiddleware) and a refused message would look delivered.
    let failure: unknown;
    try {
      const sending = this.adapter.continueConversationAsync(this.options.botAppId, reference, async (context) => {
        await sendCard(context, card as AdaptiveCard).catch((error: unknown) => {
          failure = error ?? new Error('send failed');
        });
      });
      await Promise.race([sending, timeout]);
      if (failure) throw failure;
    } catch (error) {
      throw classifyConnectorError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; bodyAsText?: string | null; headers?: { get(name: string): string | undefined | null } };
}

/** Maps what the Bot Connector answered (through botbuilder's REST client) to a delivery error code. */
export function classifyConnectorError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const rest = (error ?? {}) as RestErrorLike;
  const status = rest.statusCode ?? rest.response?.status;
  const body = rest.response?.bodyAsText ?? '';
  const subCode = [...BLOCKED_CODES, ...NO_CONVERSATION_CODES].find((code) => body.includes(code));
  const detail = `bot-connector ${status ?? '-'} ${subCode ?? rest.code ?? 'error'}`;
  if (status === 429) return new DeliveryError('THROTTLED', detail, retryAfterMs(rest.response?.headers?.get('retry-after'), Date.now()));
  if (subCode && BLOCKED_CODES.includes(subCode)) return new DeliveryError('BLOCKED', detail);
  if (subCode || status === 404) return new DeliveryError('NO_CONVERSATION', detail);
  if (status === undefined || [408, 412, 500, 502, 503, 504].includes(status)) return new DeliveryError('TRANSIENT', detail);
  return new DeliveryError('REJECTED', detail);
}
