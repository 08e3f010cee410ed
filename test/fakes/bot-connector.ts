import { randomUUID } from 'node:crypto';
import { HttpFake, type RecordedRequest } from './http-fake';

/**
 * The Bot Connector REST API (v3) as the bot uses it: send to a conversation, reply, update, create a
 * conversation. The roster endpoints answer too, so a test can assert the bot never calls them.
 */
export class FakeBotConnector extends HttpFake {
  constructor() {
    super();
    this.on('POST', /^\/v3\/conversations$/, () => ({ status: 201, body: { id: `a:${randomUUID()}` } }));
    this.on('POST', /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, () => ({ status: 201, body: { id: randomUUID() } }));
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
}
