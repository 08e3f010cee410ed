/**
 * The app-only Microsoft Graph foundation, shared by every Graph adapter (installations, activity
 * feed; the Directory of the privacy issue):
 *   const cca = createConfidentialClient({ authorityHost, tenantId, clientId, clientSecret, log });
 *   const graph = createGraphClient({ authorityHost, tenantId, clientId, clientSecret, graphBaseUrl, log, confidentialClient: cca });
 *   await graph.api(`/users/${id}`).select('givenName,surname').get();
 * Failures: wrap with `toIntegrationError(error, 'what you did')` from graph-errors.ts (typed
 * IntegrationError { service: 'graph', status, retryable, details, retryAfterMs }).
 * Tests: test/fakes/token-endpoint.ts (https authority) and test/fakes/graph.ts (https Graph).
 */
import { ConfidentialClientApplication, LogLevel as MsalLogLevel } from '@azure/msal-node';
import {
  AuthenticationHandler, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type AuthenticationProvider, type Context, type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Log } from '../../domain/ports';

export interface ConfidentialClientOptions {
  /** `AUTHORITY_HOST`, e.g. `https://login.microsoftonline.com` (tests: a loopback https fake). */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly log: Log;
}

export interface GraphClientOptions extends ConfidentialClientOptions {
  /** `GRAPH_BASE_URL`, e.g. `https://graph.microsoft.com`; requests go to `${graphBaseUrl}/v1.0/…`. */
  readonly graphBaseUrl: string;
  /** An existing confidential client to share (one token cache per app); made from the options otherwise. */
  readonly confidentialClient?: ConfidentialClientApplication;
  /** Per-request timeout. Default 10 s. */
  readonly timeoutMs?: number;
}

/**
 * The app-only confidential client (client credentials; no user, no ROPC) for Graph and the Bot
 * Connector alike. The authority host is declared known and its metadata is fetched from that host,
 * so MSAL never goes to Microsoft's instance-discovery endpoint: with a loopback authority nothing
 * leaves the machine. MSAL keeps tokens in memory until five minutes before expiry.
 */
export function createConfidentialClient(options: ConfidentialClientOptions): ConfidentialClientApplication {
  const host = new URL(options.authorityHost).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${options.authorityHost.replace(/\/+$/, '')}/${options.tenantId}`,
      knownAuthorities: [host],
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: MsalLogLevel.Error,
        loggerCallback: (_level, message) => options.log.warn({ msal: { message: message.slice(0, 500) } }, 'msal'),
      },
    },
  });
}

/** Every Graph call gives up after this long (an aborted call surfaces as a retryable network error). */
const GRAPH_TIMEOUT_MS = 10_000;

/** Aborts a request that has not answered in time: the Graph client sets no timeout of its own. */
class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    // A caller may ask for a shorter limit with `.options({ signal })` (a lookup on a person's turn).
    context.options = { ...context.options, signal: context.options?.signal ?? AbortSignal.timeout(this.timeoutMs) };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Microsoft Graph client (`@microsoft/microsoft-graph-client`) authenticated with an app-only
 * token for `${graph origin}/.default`. Usage: `client.api('/users/{id}').get()`. Calls time out and
 * are not retried here (the caller decides: the delivery queue retries later). Errors surface as the
 * client's `GraphError` (`statusCode`, `code`): convert them with `toIntegrationError` in graph-errors.ts.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const cca = options.confidentialClient ?? createConfidentialClient(options);
  const scope = `${new URL(options.graphBaseUrl).origin}/.default`;
  const authProvider: AuthenticationProvider = {
    getAccessToken: async () => {
      const result = await cca.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error('The token endpoint returned no access token for Graph');
      return result.accessToken;
    },
  };
  return Client.initWithMiddleware({
    baseUrl: `${options.graphBaseUrl.replace(/\/+$/, '')}/`,
    defaultVersion: 'v1.0',
    // The client attaches the token only to https URLs of known Graph hosts, or of hosts named here
    // (hostname without port): a GRAPH_BASE_URL other than graph.microsoft.com must be https and listed.
    customHosts: new Set([new URL(options.graphBaseUrl).hostname]),
    // No redirect or telemetry handlers: Graph's JSON APIs we call do not redirect, and nothing else is sent.
    // No retries here: a caller on a person's turn must not wait out a Retry-After, and deliveries are
    // retried by the persisted queue, which honours it and counts the attempt against the rate limit.
    middleware: [new AuthenticationHandler(authProvider), new RetryHandler(new RetryHandlerOptions(1, 0)), new TimeoutHandler(options.timeoutMs ?? GRAPH_TIMEOUT_MS), new HTTPMessageHandler()],
  });
}
