import type { Application, TurnState } from '@microsoft/teams-ai';
import { type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createExportLinkCard, createForgetConfirmCard, createForgetResultCard, PRIVACY_VERBS } from '../../cards/privacy-cards';
import type { ExportLinkService } from '../../services/export-links';
import type { PrivacyService } from '../../services/privacy-service';
import { isPersonalConversation, languageOfActivity, personOf } from '../activity';
import { sendCard } from '../send';
import { referenceWithoutNames } from './conversation-capture';
import type { CommandHandler } from './personal-commands';

export interface PrivacyRouteDependencies {
  readonly privacy: PrivacyService;
  readonly exportLinks: ExportLinkService;
  readonly log: Logger;
}

/**
 * `forget me` asks for confirmation on a card; its Universal Actions erase (or not) and answer with the
 * outcome in place of the card. `export my data` answers with a single-use download link.
 */
/** `forget me` / `supprimer mes données`: the confirmation card. */
export const forgetMeCommand: CommandHandler = async (context, language) => sendCard(context, createForgetConfirmCard(language));

/** `export my data` / `exporter mes données`: a single-use download link. */
export function exportMyDataCommand(exportLinks: ExportLinkService): CommandHandler {
  return async (context, language) => {
    const person = personOf(context.activity);
    if (!person) return;
    const link = await exportLinks.createLink(person);
    await sendCard(context, createExportLinkCard({ url: link.url, expiresInMinutes: link.expiresInMinutes }, language));
  };
}

export function registerPrivacyRoutes(app: Application<TurnState>, deps: PrivacyRouteDependencies): void {
  app.adaptiveCards.actionExecute(PRIVACY_VERBS.forgetConfirm, async (context: TurnContext) => {
    const language = languageOfActivity(context.activity);
    const person = personOf(context.activity);
    if (!person) return createForgetResultCard('cancelled', language);
    // The chat reference lets the app tell the person when an erasure that had to wait completes.
    const reference = isPersonalConversation(context.activity) ? referenceWithoutNames(context.activity) : undefined;
    const outcome = await deps.privacy.forget(person, { actor: 'self', reference, language });
    deps.log.info({ requestId: outcome.requestId, status: outcome.status }, 'forget me handled');
    return createForgetResultCard(outcome.status, language);
  });
  app.adaptiveCards.actionExecute(PRIVACY_VERBS.forgetCancel, async (context: TurnContext) => createForgetResultCard('cancelled', languageOfActivity(context.activity)));
}

/** The forget confirmation must not record the person again a moment before erasing them. */
export function isErasureConfirmation(context: TurnContext): boolean {
  const value = context.activity.value as { action?: { verb?: unknown } } | undefined;
  return context.activity.name === 'adaptiveCard/action' && value?.action?.verb === PRIVACY_VERBS.forgetConfirm;
}
