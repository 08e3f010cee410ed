import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { PeopleService } from '../../services/people-service';
import { isPersonalConversation, personOf } from '../activity';

const CAPTURED_TYPES: readonly string[] = [ActivityTypes.Message, ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate];

/**
 * Keeps each person's personal-chat conversation reference as they talk to the bot, for reminders
 * later. Invokes (a search keystroke, a card click) are skipped: they add nothing and are frequent.
 * A failure here is logged and never stops the person's turn.
 */
export function registerConversationCapture(app: Application<TurnState>, people: PeopleService, log: Logger): void {
  app.turn('beforeTurn', async (context) => {
    const { activity } = context;
    if (!CAPTURED_TYPES.includes(activity.type) || !isPersonalConversation(activity)) return true;
    const person = personOf(activity);
    if (!person) return true;
    try {
      await people.rememberConversation(person, referenceWithoutNames(activity));
    } catch (error) {
      log.error({ err: error }, 'could not save the conversation reference');
    }
    return true;
  });
}

/** The reference with ids only: the person's and the chat's display names are personal data we do not keep. */
export function referenceWithoutNames(activity: Activity): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(activity);
  return {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    locale: reference.locale,
    user: { id: reference.user?.id, aadObjectId: reference.user?.aadObjectId, role: reference.user?.role },
    bot: { id: reference.bot?.id, name: reference.bot?.name, role: reference.bot?.role },
    conversation: {
      id: reference.conversation?.id,
      conversationType: reference.conversation?.conversationType,
      tenantId: reference.conversation?.tenantId,
      isGroup: reference.conversation?.isGroup,
    },
  };
}
