import type { Client } from '@microsoft/microsoft-graph-client';
import type { ActivityFeed, FeedNotice } from '../../domain/delivery-ports';
import type { MessagePayload } from '../../domain/notices';
import type { Person } from '../../domain/people';
import { FEED_ACTIVITY_TYPES } from './activity-types';
import { toDeliveryError, toIntegrationError } from './graph-errors';

const ACTIVITY_TYPE: Record<MessagePayload['kind'], string> = {
  'session.reminder': FEED_ACTIVITY_TYPES.sessionReminder,
  'session.moved': FEED_ACTIVITY_TYPES.sessionChanged,
  'session.cancelled': FEED_ACTIVITY_TYPES.sessionChanged,
  'waitlist.promoted': FEED_ACTIVITY_TYPES.sessionChanged,
  'recommendations.digest': FEED_ACTIVITY_TYPES.courseRecommended,
};

/**
 * Activity-feed notifications (`POST /users/{id}/teamwork/sendActivityNotification`, facts §4,
 * `TeamsActivity.Send`). The topic is text with a `webUrl` back to the app; the activity type is one
 * the manifest declares. 403/404 usually mean the app is not installed for the person: reported as
 * NO_CONVERSATION so the notifier installs it and tries once more.
 */
export class GraphActivityFeed implements ActivityFeed {
  constructor(private readonly graph: Client, private readonly options: { topicText: string }) {}

  async send(person: Person, kind: MessagePayload['kind'], notice: FeedNotice): Promise<void> {
    try {
      await this.graph.api(`/users/${encodeURIComponent(person.userId)}/teamwork/sendActivityNotification`).post({
        topic: { source: 'text', value: this.options.topicText, webUrl: notice.webUrl },
        activityType: ACTIVITY_TYPE[kind],
        // Teams shows the first 150 characters of the preview (facts §4.1).
        previewText: { content: notice.previewText.slice(0, 150) },
        templateParameters: notice.templateParameters,
      });
    } catch (error) {
      throw toDeliveryError(toIntegrationError(error, 'send activity notification'), (status) => status === 403 || status === 404);
    }
  }
}
