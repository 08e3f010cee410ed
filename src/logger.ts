import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Fields that may carry personal data or secrets. pino removes them wherever they appear up to two
 * levels deep, so a careless `log.info({ user })` cannot leak an e-mail address or a token.
 */
const REDACTED_KEYS = [
  'email', 'mail', 'userPrincipalName', 'upn', 'name', 'givenName', 'surname', 'displayName',
  'firstName', 'lastName', 'password', 'token', 'accessToken', 'authorization', 'Authorization',
  'text', 'secret', 'clientSecret', 'cookie',
];
const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((key) => `*.${key}`),
  ...REDACTED_KEYS.map((key) => `*.*.${key}`),
  'req.headers.authorization',
];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const BEARER = /\b(Bearer\s+)[\w.~+/=-]+/gi;

/** The one root logger of a process; components get `logger.child({ component })`. */
export function createRootLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'wellbeing-teams-app' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      // A second net under redaction: any e-mail address or bearer token that reaches a string value
      // (an SDK message, an error quoting data back) is masked before the line is written.
      formatters: { log: (object) => scrub(object, 4) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

export function maskSecrets(text: string): string {
  return text.replace(EMAIL, '[email]').replace(BEARER, '$1[token]');
}

const REDACTED = new Set(REDACTED_KEYS);

/** Masks e-mail addresses and tokens in every string, and drops the values of personal keys, at any depth. */
function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (depth === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth - 1));
  if (value instanceof Date || value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, REDACTED.has(key) ? '[redacted]' : scrub(item, depth - 1)]));
}

/**
 * HTTP clients attach what they sent and received to their errors (a Graph error's `body`, a REST
 * error's `request` with its Authorization header, a MongoDB error's `keyValue`): an error is logged
 * with its message, stack and codes only, scrubbed like everything else.
 */
const ERROR_BAGGAGE = new Set(['body', 'headers', 'request', 'response', 'config', 'keyValue', 'errorResponse', 'rawBody', 'bodyAsText']);

function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of Object.keys(serialized)) if (ERROR_BAGGAGE.has(key)) delete serialized[key];
  return scrub(serialized, 6);
}
