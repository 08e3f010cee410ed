import { readDeliveryConfig, type DeliveryConfig } from './config-delivery';
import { readBoolean, type Read } from './config-read';
import { parseDuration } from './domain/duration';

export type NotifyChannel = 'chat' | 'feed' | 'auto';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The whole configuration, read once from the environment. Each field names its variable and default. */
export interface Config {
  /** `NODE_ENV`; `production` forbids local mode and unauthenticated requests. Default `development`. */
  readonly nodeEnv: string;
  /** `PORT`: HTTP port. Default 3978. */
  readonly port: number;
  /** `BOT_ID`, `BOT_PASSWORD`, `BOT_TENANT_ID`: the bot's single-tenant Entra app. Unset = local mode. */
  readonly bot: { readonly id: string; readonly password: string; readonly tenantId: string } | undefined;
  /**
   * `BOT_OPENID_METADATA_URL`: where botbuilder reads the Bot Connector's signing keys to validate inbound
   * tokens (tests point it at a loopback fake). Default `https://login.botframework.com/v1/.well-known/openidconfiguration`.
   */
  readonly botOpenIdMetadataUrl: string;
  /** `ALLOW_UNAUTHENTICATED_REQUESTS`: skip inbound JWT validation (Playground, end-to-end tests). Default false. */
  readonly allowUnauthenticatedRequests: boolean;
  /** `PUBLIC_BASE_URL`: where people's browsers reach this app (links for join, calendar, downloads). Default `http://localhost:<PORT>`. */
  readonly publicBaseUrl: string;
  /** `TEAMS_APP_ID`: the manifest id, to find the app's installation through Graph. */
  readonly teamsAppId: string | undefined;
  /** `MONGODB_URI`, `MONGODB_DB`: MongoDB; unset URI = embedded store. DB default `wellbeing`. */
  readonly mongo: { readonly uri: string; readonly dbName: string } | undefined;
  /** `DATA_DIR`: where the embedded store keeps its files. Default `./.data`. */
  readonly dataDir: string;
  /** `GRAPH_BASE_URL`: Microsoft Graph root. Default `https://graph.microsoft.com`. */
  readonly graphBaseUrl: string;
  /** `AUTHORITY_HOST`: Entra authority host. Default `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** `BOT_SERVICE_URL`: Bot Connector used for chats found through Graph. Default `https://smba.trafficmanager.net/teams/`. */
  readonly botServiceUrl: string;
  /** `INTERCOM_TOKEN`, `INTERCOM_BASE_URL`: CRM sync; no token = sync off. Base default `https://api.intercom.io`. */
  readonly intercom: { readonly token: string; readonly baseUrl: string } | undefined;
  /** `REMINDER_OFFSETS`: default reminder offsets before a session, in ms, longest first. Default `24h,15m`. */
  readonly reminderOffsetsMs: readonly number[];
  /** `NOTIFY_CHANNEL`: `chat`, `feed` or `auto`. Default `auto`. */
  readonly notifyChannel: NotifyChannel;
  /** `LOG_LEVEL`: pino level. Default `info`. */
  readonly logLevel: LogLevel;
  /** Scheduler, retries and rate limits of proactive delivery (config-delivery.ts). */
  readonly delivery: DeliveryConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NOTIFY_CHANNELS: readonly NotifyChannel[] = ['chat', 'feed', 'auto'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and validates the configuration; throws one ConfigError listing every problem with its fix. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const nodeEnv = read('NODE_ENV') ?? 'development';

  const port = readPort(read('PORT'), problems);
  const bot = readBot(read, problems);
  const allowUnauthenticatedRequests = readBoolean('ALLOW_UNAUTHENTICATED_REQUESTS', read, problems);
  if (nodeEnv === 'production' && !bot) {
    problems.push('BOT_ID is not set but NODE_ENV=production: local mode accepts unauthenticated requests; set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID');
  }
  if (nodeEnv === 'production' && allowUnauthenticatedRequests) {
    problems.push('ALLOW_UNAUTHENTICATED_REQUESTS=true is refused when NODE_ENV=production: remove it');
  }
  const mongoUri = read('MONGODB_URI');
  if (mongoUri && !/^mongodb(\+srv)?:\/\//.test(mongoUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://: copy the connection string from your MongoDB provider');
  }
  const intercomToken = read('INTERCOM_TOKEN');

  const config: Config = {
    nodeEnv,
    port,
    bot,
    allowUnauthenticatedRequests,
    botOpenIdMetadataUrl: readUrl('BOT_OPENID_METADATA_URL', 'https://login.botframework.com/v1/.well-known/openidconfiguration', read, problems),
    publicBaseUrl: readUrl('PUBLIC_BASE_URL', `http://localhost:${port}`, read, problems).replace(/\/+$/, ''),
    teamsAppId: readGuid('TEAMS_APP_ID', read, problems),
    mongo: mongoUri ? { uri: mongoUri, dbName: read('MONGODB_DB') ?? 'wellbeing' } : undefined,
    dataDir: read('DATA_DIR') ?? './.data',
    graphBaseUrl: readUrl('GRAPH_BASE_URL', 'https://graph.microsoft.com', read, problems),
    authorityHost: readUrl('AUTHORITY_HOST', 'https://login.microsoftonline.com', read, problems, { httpsOnly: true }),
    botServiceUrl: readUrl('BOT_SERVICE_URL', 'https://smba.trafficmanager.net/teams/', read, problems),
    intercom: intercomToken
      ? { token: intercomToken, baseUrl: readUrl('INTERCOM_BASE_URL', 'https://api.intercom.io', read, problems) }
      : undefined,
    reminderOffsetsMs: readOffsets(read('REMINDER_OFFSETS') ?? '24h,15m', problems),
    notifyChannel: readChoice('NOTIFY_CHANNEL', NOTIFY_CHANNELS, 'auto', read, problems),
    logLevel: readChoice('LOG_LEVEL', LOG_LEVELS, 'info', read, problems),
    delivery: readDeliveryConfig(read, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}


function readPort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 3978;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${value}"): set e.g. PORT=3978`);
  }
  return port;
}

function readBot(read: Read, problems: string[]): Config['bot'] {
  const id = read('BOT_ID');
  const password = read('BOT_PASSWORD');
  const tenantId = read('BOT_TENANT_ID');
  if (!id) {
    if (password) problems.push('BOT_PASSWORD is set but BOT_ID is not: set both, or neither for local mode');
    if (tenantId) problems.push('BOT_TENANT_ID is set but BOT_ID is not: set BOT_ID and BOT_PASSWORD too, or none for local mode');
    return undefined;
  }
  if (!GUID.test(id)) problems.push(`BOT_ID must be the Entra application (client) id, a GUID (got "${id}")`);
  if (!password) problems.push('BOT_ID is set but BOT_PASSWORD is not: set the client secret of the Entra app');
  if (!tenantId) problems.push('BOT_ID is set but BOT_TENANT_ID is not: the bot is single-tenant, set the Entra tenant id (a GUID)');
  else if (!GUID.test(tenantId)) problems.push(`BOT_TENANT_ID must be the Entra tenant id, a GUID (got "${tenantId}")`);
  return { id, password: password ?? '', tenantId: tenantId ?? '' };
}

function readGuid(name: string, read: Read, problems: string[]): string | undefined {
  const value = read(name);
  if (value !== undefined && !GUID.test(value)) problems.push(`${name} must be a GUID (got "${value}"): copy the id from appPackage/manifest.json`);
  return value;
}

function readUrl(name: string, fallback: string, read: Read, problems: string[], options: { httpsOnly?: boolean } = {}): string {
  const value = read(name) ?? fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} must be an absolute URL (got "${value}"): e.g. ${fallback}`);
    return value;
  }
  const allowed = options.httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) {
    problems.push(`${name} must use ${allowed.join(' or ')} (got "${value}")${options.httpsOnly ? ': MSAL only talks to https authorities' : ''}`);
  }
  return value;
}

function readOffsets(value: string, problems: string[]): number[] {
  const parts = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const offsets = parts.map(parseDuration);
  if (parts.length === 0 || offsets.some((ms) => ms === undefined || ms <= 0)) {
    problems.push(`REMINDER_OFFSETS must be comma-separated durations such as "24h,15m" or "30s" (got "${value}")`);
    return [];
  }
  return [...new Set(offsets as number[])].sort((a, b) => b - a);
}

function readChoice<T extends string>(name: string, choices: readonly T[], fallback: T, read: Read, problems: string[]): T {
  const value = read(name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${choices.join(', ')} (got "${value}")`);
  return fallback;
}
