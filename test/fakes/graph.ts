import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HttpFake, type RecordedRequest } from './http-fake';

export interface FakeGraphUser {
  readonly id: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly displayName?: string;
  readonly mail?: string;
}

/**
 * Microsoft Graph v1.0 over https on 127.0.0.1 (the Graph client sends its token to https hosts only;
 * same test CA as the token endpoint), the parts the app calls, with state: users (`GET /users/{id}`), the org app
 * catalogue, per-user app installations and their personal chats, activity-feed notifications.
 * Point `GRAPH_BASE_URL` at `fake.url`. Failures: `failNext(count, response, pathPattern)` (429 with
 * Retry-After, 503, 403…); `feedRequiresInstallation` makes the feed answer 403 to people without
 * the app, as Teams does.
 *
 * API: `addUser(user)`, `installFor(userId)`, `isInstalled(userId)`, `chatIdOf(userId)`,
 * `notifications()`, `installRequests()`, plus HttpFake's `requests`, `waitFor`, `failNext`.
 */
export class FakeGraph extends HttpFake {
  readonly users = new Map<string, FakeGraphUser>();
  /** userId → installation id of our app. */
  private readonly installed = new Map<string, string>();
  private readonly catalogId = `catalog-${randomUUID()}`;
  feedRequiresInstallation = true;

  constructor(readonly teamsAppId: string) {
    const tls = path.resolve(__dirname, '../fixtures/tls');
    super({ key: fs.readFileSync(path.join(tls, 'localhost.key')), cert: fs.readFileSync(path.join(tls, 'localhost.pem')) });
    this.on('GET', /.*/, (request) => (request.headers.authorization?.startsWith('Bearer ') ? undefined : unauthorized()));
    this.on('POST', /.*/, (request) => (request.headers.authorization?.startsWith('Bearer ') ? undefined : unauthorized()));
    this.on('GET', /^\/v1\.0\/appCatalogs\/teamsApps\?/, (request) =>
      ({ status: 200, body: { value: query(request).includes(`externalId eq '${this.teamsAppId}'`) ? [{ id: this.catalogId, externalId: this.teamsAppId }] : [] } }));
    this.on('GET', /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps\?/, (request) => {
      const installation = this.installed.get(userOf(request));
      const wanted = query(request).includes(`teamsApp/externalId eq '${this.teamsAppId}'`);
      return { status: 200, body: { value: installation && wanted ? [{ id: installation, teamsApp: { id: this.catalogId, externalId: this.teamsAppId } }] : [] } };
    });
    this.on('POST', /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps$/, (request) => {
      const bind = (request.body as Record<string, string> | undefined)?.['teamsApp@odata.bind'] ?? '';
      if (!bind.endsWith(`/appCatalogs/teamsApps/${this.catalogId}`)) return { status: 400, body: { error: { code: 'BadRequest', message: 'unknown app' } } };
      if (this.installed.has(userOf(request))) return { status: 409, body: { error: { code: 'Conflict', message: 'already installed' } } };
      this.installFor(userOf(request));
      return { status: 201 };
    });
    this.on('GET', /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps\/[^/]+\/chat$/, (request) => {
      const installation = decodeURIComponent(request.path.split('/')[6]!);
      const user = userOf(request);
      return this.installed.get(user) === installation ? { status: 200, body: { id: this.chatIdOf(user) } } : { status: 404, body: { error: { code: 'NotFound' } } };
    });
    this.on('POST', /^\/v1\.0\/users\/[^/]+\/teamwork\/sendActivityNotification$/, (request) => {
      if (this.feedRequiresInstallation && !this.installed.has(userOf(request))) return { status: 403, body: { error: { code: 'Forbidden', message: 'app not installed for the user' } } };
      return { status: 204 };
    });
    this.on('GET', /^\/v1\.0\/users\/[^/?]+(\?.*)?$/, (request) => {
      const user = this.users.get(userOf(request));
      return user ? { status: 200, body: user } : { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } };
    });
  }

  addUser(user: FakeGraphUser): this {
    this.users.set(user.id, user);
    return this;
  }

  installFor(userId: string): string {
    const id = `installation-${randomUUID()}`;
    this.installed.set(userId, id);
    return id;
  }

  isInstalled(userId: string): boolean {
    return this.installed.has(userId);
  }

  /** The personal chat id Graph reports for the user's installation (stable per user). */
  chatIdOf(userId: string): string {
    return `19:${userId}_bot@unq.gbl.spaces`;
  }

  notifications(): { userId: string; body: Record<string, unknown> }[] {
    return this.requestsTo(/\/teamwork\/sendActivityNotification$/, 'POST')
      .map((request) => ({ userId: userOf(request), body: request.body as Record<string, unknown> }));
  }

  installRequests(): RecordedRequest[] {
    return this.requestsTo(/\/teamwork\/installedApps$/, 'POST');
  }
}

function unauthorized() {
  return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } };
}

function userOf(request: RecordedRequest): string {
  return decodeURIComponent(request.path.split('?')[0]!.split('/')[3]!);
}

function query(request: RecordedRequest): string {
  return decodeURIComponent((request.path.split('?')[1] ?? '').replace(/\+/g, ' '));
}
