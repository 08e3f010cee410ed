import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { createHelpCard } from '../../cards/help-card';
import type { Language } from '../../domain/catalog';
import { isInlineComposeCard, languageOfActivity } from '../activity';
import { parsePersonalCommand, type PersonalCommand } from '../commands';
import { sendCard } from '../send';

/** Answers one personal command. */
export type CommandHandler = (context: TurnContext, language: Language) => Promise<void>;

/**
 * Text messages: a known command runs its handler; anything else (a greeting, a typo) gets the help
 * card, so nobody is left without an answer. A search result someone shares is not answered.
 */
export function registerPersonalCommandRoutes(app: Application<TurnState>, handlers: Readonly<Record<Exclude<PersonalCommand, 'help'>, CommandHandler>>): void {
  app.activity(ActivityTypes.Message, async (context: TurnContext) => {
    const text = context.activity.text;
    if (isInlineComposeCard(text) || (text === undefined && context.activity.attachments?.length)) return;
    const language = languageOfActivity(context.activity);
    const command = parsePersonalCommand(text);
    if (command && command !== 'help') return handlers[command](context, language);
    await sendCard(context, createHelpCard(language));
  });
}
