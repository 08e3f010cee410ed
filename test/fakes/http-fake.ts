import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
  readonly rawBody: string;
}

export interface FakeResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Milliseconds to wait before answering (in-flight work during shutdown, timeouts). */
  readonly delayMs?: number;
}

export type Route = (request: RecordedRequest) => FakeResponse | undefined;

/**
 * A loopback HTTP server that records every request and answers from routes; tests can queue
 * failures (`failNext`) that are served before the routes, e.g. 429 with Retry-After, 503, 403.
 * The real SDK clients talk to it, so a test fails if the code speaks the wire protocol wrong.
 */
export class HttpFake {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { method: string; pattern: RegExp; route: Route }[] = [];
  private readonly queuedFailures: { pattern: RegExp; response: FakeResponse }[] = [];
  private server: http.Server | undefined;
  private baseUrl = '';

  /** `tls` serves https (e.g. the token endpoint: MSAL only talks to https authorities). */
  constructor(private readonly tls?: { key: Buffer; cert: Buffer }) {}

  on(method: string, pattern: RegExp, route: Route): this {
    this.routes.push({ method, pattern, route });
    return this;
  }

  /** The next `count` requests whose path matches get `response` instead of the route's answer. */
  failNext(count: number, response: FakeResponse, pattern: RegExp = /.*/): this {
    for (let i = 0; i < count; i += 1) this.queuedFailures.push({ pattern, response });
    return this;
  }

  /** Drops the failures still queued: the service is back. */
  clearFailures(): this {
    this.queuedFailures.length = 0;
    return this;
  }

  async start(): Promise<this> {
    const listener = (req: http.IncomingMessage, res: http.ServerResponse) => this.handle(req, res);
    this.server = this.tls ? https.createServer(this.tls, listener) : http.createServer(listener);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.baseUrl = `${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get url(): string {
    return this.baseUrl;
  }

  requestsTo(pattern: RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((request) => pattern.test(request.path) && (!method || request.method === method));
  }

  /** Resolves once `count` requests match, or rejects after `timeoutMs`. */
  async waitFor(pattern: RegExp, count = 1, timeoutMs = 5_000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const matching = this.requestsTo(pattern);
      if (matching.length >= count) return matching;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Expected ${count} request(s) to ${pattern}, saw ${this.requestsTo(pattern).length}: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: parseBody(rawBody), rawBody };
      this.requests.push(request);
      const response = this.answer(request);
      const send = () => {
        // No body, no content type: clients (Graph's) would try to parse an empty JSON document.
        res.writeHead(response.status, { ...(response.body === undefined ? {} : { 'content-type': 'application/json' }), ...response.headers });
        res.end(response.body === undefined ? '' : JSON.stringify(response.body));
      };
      if (response.delayMs) setTimeout(send, response.delayMs);
      else send();
    });
  }

  private answer(request: RecordedRequest): FakeResponse {
    const failureIndex = this.queuedFailures.findIndex((failure) => failure.pattern.test(request.path));
    if (failureIndex >= 0) return this.queuedFailures.splice(failureIndex, 1)[0]!.response;
    for (const { method, pattern, route } of this.routes) {
      if (method !== request.method || !pattern.test(request.path)) continue;
      const response = route(request);
      if (response) return response;
    }
    return { status: 404, body: { error: { code: 'NotFound', message: `${request.method} ${request.path} is not faked` } } };
  }
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // form-encoded token requests and the like stay as text
  }
}
