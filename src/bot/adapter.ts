import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import { createErrorCard } from '../cards/help-card';
import type { Config } from '../config';
import { languageOfActivity } from './activity';
import { sendCard } from './send';

/** The app's MSAL confidential client, made in src/integrations and handed over by main.ts (the bot does not import MSAL). */
export type BotClientApplication = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];

/**
 * The Bot Framework adapter. With `BOT_ID` set it authenticates inbound activities (JWT from the Bot
 * Connector) and gets single-tenant tokens for outbound calls from `${AUTHORITY_HOST}/${BOT_TENANT_ID}`
 * through the app's own MSAL client (known authority, so no instance discovery goes to the internet);
 * in local mode it does neither.
 */
export function createAdapter(config: Config, log: Logger, clientApplication?: BotClientApplication): TeamsAdapter {
  const bot = config.bot;
  const settings = {
    MicrosoftAppId: bot?.id ?? '',
    MicrosoftAppPassword: bot?.password ?? '',
    // botbuilder insists on an app id for SingleTenant; local mode has none and authenticates nothing.
    MicrosoftAppType: bot ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: bot?.tenantId ?? '',
    ...(bot ? { ToChannelFromBotLoginUrl: `${config.authorityHost.replace(/\/+$/, '')}/${bot.tenantId}`, ValidateAuthority: true } : {}),
  };
  const credentials = bot && clientApplication
    ? new MsalServiceClientCredentialsFactory(bot.id, clientApplication)
    : new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new TeamsAdapter(settings, credentials);
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
