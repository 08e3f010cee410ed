import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { PersonSyncService } from '../../services/person-sync-service';
import { languageOfActivity, personOf } from '../activity';
import { isErasureConfirmation } from './privacy';

const PERSON_TYPES: readonly string[] = [ActivityTypes.Message, ActivityTypes.InstallationUpdate];

/**
 * A person is recorded when they talk to the bot, install it or click a card. A search keystroke
 * (composeExtension/query) stores nothing about them: it is frequent and needs no record.
 */
function namesAPerson(context: TurnContext): boolean {
  const { type, name } = context.activity;
  return PERSON_TYPES.includes(type) || (type === ActivityTypes.Invoke && name === 'adaptiveCard/action' && isWellFormedAction(context.activity.value) && !isErasureConfirmation(context));
}

/** A malformed card action is answered with a friendly card by its route, and records nobody. */
function isWellFormedAction(value: unknown): boolean {
  const action = (value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined)?.action;
  const data = action?.data;
  return action?.type === 'Action.Execute' && typeof action.verb === 'string' && (data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data)));
}

/**
 * Records the person behind each activity (first sight creates their user record, an e-mail change
 * updates it). It reads nothing from the conversation but the sender's own ids: never a roster.
 * A failure is logged and never stops the person's turn.
 */
export function registerPersonCapture(app: Application<TurnState>, personSync: PersonSyncService, log: Logger): void {
  app.turn('beforeTurn', async (context: TurnContext) => {
    const person = personOf(context.activity);
    if (!person || !namesAPerson(context)) return true;
    try {
      // Agents Playground and some test clients put an e-mail on `from`; Teams does not (Graph is the source there).
      await personSync.seen(person, (context.activity.from as { email?: unknown } | undefined)?.email, languageOfActivity(context.activity));
    } catch (error) {
      log.error({ err: error }, 'could not record the person');
    }
    return true;
  });
}
