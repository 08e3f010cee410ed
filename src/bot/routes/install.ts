import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { createWelcomeCard } from '../../cards/help-card';
import { isPersonalConversation, languageOfActivity } from '../activity';
import { sendCard } from '../send';

/**
 * Greets a person once when they install the app for themselves. Teams also sends a
 * conversationUpdate on install; greeting only on installationUpdate avoids a double welcome.
 */
export function registerInstallRoutes(app: Application<TurnState>): void {
  app.activity(ActivityTypes.InstallationUpdate, async (context: TurnContext) => {
    const action = String(context.activity.action ?? '');
    if (!action.startsWith('add') || !isPersonalConversation(context.activity)) return;
    await sendCard(context, createWelcomeCard(languageOfActivity(context.activity)));
  });
  app.conversationUpdate('membersAdded', async () => {
    // Handled to acknowledge the event; the welcome goes out on installationUpdate.
  });
}
