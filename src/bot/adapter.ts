import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createErrorCard } from '../cards/help-card';
import type { Config } from '../config';
import { languageOfActivity } from './activity';
import { sendCard } from './send';

/**
 * The Bot Framework adapter. With `BOT_ID` set it authenticates inbound activities (JWT from the Bot
 * Connector) and gets single-tenant tokens for outbound calls; in local mode it does neither.
 */
export function createAdapter(config: Config, log: Logger): TeamsAdapter {
  const bot = config.bot;
  const settings = {
    MicrosoftAppId: bot?.id ?? '',
    MicrosoftAppPassword: bot?.password ?? '',
    // botbuilder insists on an app id for SingleTenant; local mode has none and authenticates nothing.
    MicrosoftAppType: bot ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: bot?.tenantId ?? '',
  };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activityType: context.activity.type, activityName: context.activity.name }, 'turn failed');
    if (context.activity.type === 'message') {
      await sendCard(context, createErrorCard(languageOfActivity(context.activity))).catch((sendError: unknown) => {
        log.error({ err: sendError }, 'could not tell the person about the failed turn');
      });
    }
  };
  return adapter;
}
