import fs from 'node:fs';
import path from 'node:path';
import { HttpFake, type RecordedRequest } from './http-fake';

/**
 * The Entra token endpoint (v2) for app-only tokens, over https on 127.0.0.1 — MSAL refuses plain
 * http authorities. Point `AUTHORITY_HOST` at `fake.url`; the real MSAL client then fetches
 * `/{tenant}/v2.0/.well-known/openid-configuration` and posts `client_credentials` to
 * `/{tenant}/oauth2/v2.0/token`. Answers opaque tokens `fake-token-N` valid `expiresInSeconds`.
 *
 * TLS: test/fixtures/tls/ holds a test CA (`ca.pem`, its key discarded) and a `localhost` /
 * `127.0.0.1` certificate signed by it, valid 20 years, made once with openssl. scripts/test.mjs
 * sets NODE_EXTRA_CA_CERTS=test/fixtures/tls/ca.pem for the mocha process (Node reads it at start).
 *
 * API: `await new FakeTokenEndpoint().start()`, `tokenRequests(scope?)`, `issued`, `failNext(...)`.
 */
export class FakeTokenEndpoint extends HttpFake {
  issued = 0;
  expiresInSeconds = 3600;

  constructor() {
    const dir = path.resolve(__dirname, '../fixtures/tls');
    super({ key: fs.readFileSync(path.join(dir, 'localhost.key')), cert: fs.readFileSync(path.join(dir, 'localhost.pem')) });
    this.on('GET', /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration/, (request) => {
      const tenant = request.path.split('/')[1]!;
      const base = `${this.url}/${tenant}`;
      return {
        status: 200,
        body: {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'token'],
          token_endpoint_auth_methods_supported: ['client_secret_post'],
        },
      };
    });
    this.on('POST', /^\/[^/]+\/oauth2\/v2\.0\/token(\?.*)?$/, () => {
      this.issued += 1;
      return { status: 200, body: { token_type: 'Bearer', expires_in: this.expiresInSeconds, ext_expires_in: this.expiresInSeconds, access_token: `fake-token-${this.issued}` } };
    });
  }

  /** Token requests, optionally only those asking for a scope (e.g. `https://api.botframework.com/.default`). */
  tokenRequests(scope?: string): RecordedRequest[] {
    return this.requestsTo(/\/oauth2\/v2\.0\/token(\?.*)?$/, 'POST').filter((request) => !scope || new URLSearchParams(request.rawBody).get('scope')?.includes(scope));
  }
}
