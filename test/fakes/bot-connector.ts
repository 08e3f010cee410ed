import { randomUUID } from 'node:crypto';
import { HttpFake, type FakeResponse, type RecordedRequest } from './http-fake';

/**
 * The Bot Connector REST API (v3) as the bot uses it: send to a conversation, reply, update, create a
 * conversation. The roster endpoints answer too, so a test can assert the bot never calls them.
 */
export class FakeBotConnector extends HttpFake {
  /** Conversations that refuse messages, with the answer Teams gives (403 sub-codes, 404). */
  private readonly refusing = new Map<string, FakeResponse>();
  /** Sliding one-second window of accepted sends, when a global rate limit is enforced. */
  private limit: { perSecond: number; accepted: number[] } | undefined;
  throttled = 0;
  /** Milliseconds before each send is answered (the real service takes tens to hundreds). */
  latencyMs = 0;

  constructor() {
    super();
    this.on('POST', /^\/v3\/conversations\/[^/]+\/activities/, (request) => this.refusal(request) ?? this.rateLimited(request));
    this.on('POST', /^\/v3\/conversations$/, () => ({ status: 201, body: { id: `a:${randomUUID()}` } }));
    this.on('POST', /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, () => ({ status: 201, body: { id: randomUUID() }, delayMs: this.latencyMs }));
    this.on('PUT', /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, () => ({ status: 200, body: { id: randomUUID() } }));
    this.on('GET', /^\/v3\/conversations\/[^/]+\/(pagedmembers|members)/, () => ({ status: 200, body: { members: [] } }));
  }

  /** Activities the bot sent (new messages and replies), in order. */
  sentActivities(): { conversationId: string; activity: Record<string, unknown> }[] {
    return this.requestsTo(/^\/v3\/conversations\/[^/]+\/activities/, 'POST').map((request: RecordedRequest) => ({
      conversationId: decodeURIComponent(request.path.split('/')[3]!),
      activity: request.body as Record<string, unknown>,
    }));
  }

  /** The Adaptive Cards the bot sent, in order. */
  sentCards(): Record<string, unknown>[] {
    return this.sentActivities().flatMap(({ activity }) =>
      ((activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
        .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((attachment) => attachment.content),
    );
  }

  rosterCalls(): RecordedRequest[] {
    return this.requestsTo(/\/members|\/pagedmembers/);
  }

  /** Sends to this conversation get `response` from now on (e.g. 403 BotNotInConversationRoster). */
  refuse(conversationId: string, response: FakeResponse): this {
    this.refusing.set(conversationId, response);
    return this;
  }

  /** Answers 429 (Retry-After: 1) to any send beyond `perSecond` in the last 1,000 ms, as Teams' global limit does. */
  enforceRateLimit(perSecond: number): this {
    this.limit = { perSecond, accepted: [] };
    return this;
  }

  /** Activities the connector accepted (answered 2xx), in order: what people actually received. */
  readonly delivered: { conversationId: string; activity: Record<string, unknown>; at: number }[] = [];

  /** Accepted activities per conversation id. */
  deliveredPerConversation(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { conversationId } of this.delivered) counts.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
    return counts;
  }

  private refusal(request: RecordedRequest): FakeResponse | undefined {
    return this.refusing.get(decodeURIComponent(request.path.split('/')[3]!));
  }

  /** Undefined = accepted (the next route answers 201). */
  private rateLimited(request: RecordedRequest): FakeResponse | undefined {
    const now = performance.now();
    if (this.limit) {
      const window = this.limit.accepted;
      while (window.length > 0 && window[0]! <= now - 1_000) window.shift();
      if (window.length >= this.limit.perSecond) {
        this.throttled += 1;
        return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'TooManyRequests', message: 'rate limit' } }, delayMs: this.latencyMs };
      }
      window.push(now);
    }
    this.delivered.push({ conversationId: decodeURIComponent(request.path.split('/')[3]!), activity: request.body as Record<string, unknown>, at: now });
    return undefined;
  }
}
