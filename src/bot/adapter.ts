import { TeamsAdapter } from '@microsoft/teams-ai';
import { type Activity, ConfigurationServiceClientCredentialFactory, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import { createErrorCard } from '../cards/help-card';
import { createSearchFailedResult } from '../cards/search-cards';
import type { Config } from '../config';
import { languageOfActivity } from './activity';
import { searchResult } from './search-results';
import { sendCard } from './send';
import { TenantGuard } from './tenant-guard';

/** What `POST /api/messages` gets back from a turn: an HTTP status and, for invokes and expectReplies, a body. */
export interface TurnOutcome {
  readonly status: number;
  readonly body?: unknown;
}

export class InboundRefusal extends Error {
  constructor(readonly status: 401 | 403, readonly code: 'UNAUTHENTICATED' | 'FOREIGN_TENANT') {
    super(code === 'FOREIGN_TENANT' ? 'The activity comes from another tenant' : 'The request is not authenticated');
    this.name = 'InboundRefusal';
  }
}

/** The app's MSAL confidential client, made in src/integrations and handed over by main.ts (the bot does not import MSAL). */
export type BotClientApplication = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];

/**
 * The Bot Framework adapter. With `BOT_ID` set it validates the Bot Connector's JWT (botbuilder's own
 * validation, against `BOT_OPENID_METADATA_URL`) and then refuses activities from any tenant other
 * than `BOT_TENANT_ID`, both before a handler runs. Outbound calls get single-tenant tokens from
 * `AUTHORITY_HOST`. In local mode it authenticates nothing and checks no tenant.
 */
export class WellbeingAdapter extends TeamsAdapter {
  constructor(
    private readonly tenantGuard: TenantGuard | undefined,
    ...args: ConstructorParameters<typeof TeamsAdapter>
  ) {
    super(...args);
  }

  /** Authenticates (401), checks the tenant (403), then runs the turn. Throws InboundRefusal when refused. */
  async runTurn(activity: Activity, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<TurnOutcome> {
    let authentication;
    try {
      authentication = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (isTokenProblem(error)) throw new InboundRefusal(401, 'UNAUTHENTICATED');
      throw error; // e.g. the signing keys could not be fetched: our problem, not the caller's
    }
    if (this.tenantGuard && !this.tenantGuard.allows(activity)) throw new InboundRefusal(403, 'FOREIGN_TENANT');
    const invokeResponse = await this.processActivity(authentication, activity, logic);
    return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
  }
}

/**
 * botbuilder throws its AuthenticationError (status 401) for most token problems, but lets
 * jsonwebtoken's own errors through for a bad signature or a token not yet valid; its own `process`
 * answers those with 500. All of them are the caller's problem: 401.
 */
function isTokenProblem(error: unknown): boolean {
  const { statusCode, name } = (error ?? {}) as { statusCode?: unknown; name?: unknown };
  return statusCode === 401 || name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError';
}

type CredentialFactory = NonNullable<ConstructorParameters<typeof TeamsAdapter>[1]>;

/**
 * `ALLOW_UNAUTHENTICATED_REQUESTS=true`: botbuilder skips inbound validation when the credential
 * factory says authentication is disabled, but then it would sign nothing it sends either. This
 * wrapper says "disabled" for inbound while the wrapped factory still makes real credentials for the
 * bot's own outbound calls (an unauthenticated turn names no app: it is always ours).
 */
function inboundUnauthenticated(inner: CredentialFactory, botId: string): CredentialFactory {
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: async () => true,
    createCredentials: (appId, audience, loginEndpoint, validateAuthority) => inner.createCredentials(appId || botId, audience, loginEndpoint, validateAuthority),
  };
}

export function createAdapter(config: Config, log: Logger, clientApplication?: BotClientApplication): WellbeingAdapter {
  const bot = config.bot;
  const settings = {
    MicrosoftAppId: bot?.id ?? '',
    MicrosoftAppPassword: bot?.password ?? '',
    // botbuilder insists on an app id for SingleTenant; local mode has none and authenticates nothing.
    MicrosoftAppType: bot ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: bot?.tenantId ?? '',
  };
  // Outbound tokens from the app's own MSAL client (known authority: no instance discovery leaves for the internet).
  const credentials: CredentialFactory = bot && clientApplication
    ? new MsalServiceClientCredentialsFactory(bot.id, clientApplication)
    : new ConfigurationServiceClientCredentialFactory(settings);
  const factory = bot && config.allowUnauthenticatedRequests ? inboundUnauthenticated(credentials, bot.id) : credentials;
  const adapter = new WellbeingAdapter(bot ? new TenantGuard(bot.tenantId) : undefined, bot ? authenticationSettings(config, bot.tenantId) : settings, factory);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activityType: context.activity.type, activityName: context.activity.name }, 'turn failed');
    await answerFailedTurn(context).catch((sendError: unknown) => log.error({ err: sendError }, 'could not tell the person about the failed turn'));
  };
  return adapter;
}

/**
 * A turn that threw still gets a friendly answer, never Teams' "Something went wrong": a message gets
 * the error card; a card action gets it as its invoke answer; a search gets the "search failed" result.
 * Without an invoke response botbuilder would answer 501.
 */
async function answerFailedTurn(context: TurnContext): Promise<void> {
  const { activity } = context;
  const language = languageOfActivity(activity);
  if (activity.type === 'message') return sendCard(context, createErrorCard(language));
  if (activity.type !== 'invoke' || context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  if (activity.name === 'adaptiveCard/action') {
    return invokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: createErrorCard(language) });
  }
  if (activity.name === 'composeExtension/query') {
    return invokeResponse(context, { composeExtension: searchResult([createSearchFailedResult(language)]) });
  }
}

async function invokeResponse(context: TurnContext, body: unknown): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

/** botbuilder's public-cloud constants (botframework-connector `AuthenticationConstants`, `CallerIdConstants`). */
const BOT_FRAMEWORK = {
  scope: 'https://api.botframework.com',
  issuer: 'https://api.botframework.com',
  oauthUrl: 'https://api.botframework.com',
  callerId: 'urn:botframework:azure',
} as const;

/**
 * botbuilder's public-cloud defaults, except where our configuration says otherwise: the OpenID
 * metadata (tests serve their own keys) and the single-tenant authority under AUTHORITY_HOST. Setting
 * one of these makes botbuilder use all of them (BotFrameworkAuthenticationFactory), so all are given.
 */
function authenticationSettings(config: Config, tenantId: string): Record<string, string> {
  const authority = config.authorityHost.replace(/\/+$/, '');
  return {
    MicrosoftAppId: config.bot?.id ?? '',
    MicrosoftAppTenantId: tenantId,
    ToChannelFromBotLoginUrl: `${authority}/${tenantId}`,
    ToChannelFromBotOAuthScope: BOT_FRAMEWORK.scope,
    ToBotFromChannelTokenIssuer: BOT_FRAMEWORK.issuer,
    OAuthUrl: BOT_FRAMEWORK.oauthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
    // Tokens Entra issues in our own tenant to our own app (botbuilder's "emulator" path); nobody else's.
    ToBotFromEmulatorOpenIdMetadataUrl: `${authority}/${tenantId}/v2.0/.well-known/openid-configuration`,
    CallerId: BOT_FRAMEWORK.callerId,
  };
}
