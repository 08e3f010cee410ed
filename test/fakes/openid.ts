import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { HttpFake } from './http-fake';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TokenOptions {
  /** Claims to set or override; `undefined` removes a default claim. */
  readonly claims?: Record<string, unknown>;
  /** Seconds from now; negative for an expired token. Default 3600. */
  readonly expiresIn?: number;
  /** Sign with a key the metadata does not publish (a forged token). */
  readonly foreignKey?: boolean;
}

/**
 * An OpenID provider on 127.0.0.1 that signs tokens with a local RSA key and publishes the public half:
 * the Bot Connector's metadata (`/v1/.well-known/openidconfiguration`, keys endorsed for `msteams`) and
 * an Entra tenant's (`/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/discovery/v2.0/keys`).
 * The real validation code (botbuilder's, jose's) fetches the keys from here and checks the signatures.
 */
export class FakeOpenIdProvider extends HttpFake {
  /** Over https with the test CA's localhost certificate (test/fixtures/tls), as an AUTHORITY_HOST must be. */
  static https(): FakeOpenIdProvider {
    const dir = path.resolve(__dirname, '../fixtures/tls');
    return new FakeOpenIdProvider({ key: fs.readFileSync(path.join(dir, 'localhost.key')), cert: fs.readFileSync(path.join(dir, 'localhost.pem')) });
  }

  private privateKey!: CryptoKey;
  private strangerKey!: CryptoKey;
  private publicJwk!: JWK;
  readonly kid = 'test-key-1';

  async init(): Promise<this> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = pair.privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: 'sig', alg: 'RS256' };
    this.strangerKey = (await generateKeyPair('RS256')).privateKey;
    this.on('GET', /^\/v1\/\.well-known\/openidconfiguration$/, () => ({
      status: 200,
      body: { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] },
    }));
    this.on('GET', /^\/v1\/\.well-known\/keys$/, () => ({ status: 200, body: { keys: [{ ...this.publicJwk, endorsements: ['msteams'] }] } }));
    this.on('GET', /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/, (request) => {
      const tenant = request.path.split('/')[1]!;
      return { status: 200, body: { issuer: `${this.url}/${tenant}/v2.0`, jwks_uri: `${this.url}/${tenant}/discovery/v2.0/keys` } };
    });
    this.on('GET', /^\/[^/]+\/discovery\/v2\.0\/keys$/, () => ({ status: 200, body: { keys: [this.publicJwk] } }));
    return this;
  }

  get botFrameworkMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** A signed JWT with the given default claims merged with `options.claims`. */
  async sign(defaults: Record<string, unknown>, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = Object.fromEntries(
      Object.entries({ iat: now, nbf: now - 5, exp: now + (options.expiresIn ?? 3600), ...defaults, ...options.claims }).filter(([, value]) => value !== undefined),
    ) as JWTPayload;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' }).sign(options.foreignKey ? this.strangerKey : this.privateKey);
  }

  /** An Entra access token for the app's web API, as a client-credentials caller in the tenant gets it. */
  entraAccessToken(tenantId: string, appId: string, roles: readonly string[], options: TokenOptions = {}): Promise<string> {
    return this.sign({ iss: `${this.url}/${tenantId}/v2.0`, aud: `api://botid-${appId}`, tid: tenantId, azp: 'cccccccc-0000-0000-0000-0000000c0de5', roles, ver: '2.0' }, options);
  }

  /** A token as the Bot Connector sends it to the bot's messaging endpoint. */
  botConnectorToken(botId: string, serviceUrl: string, options: TokenOptions = {}): Promise<string> {
    return this.sign({ iss: BOT_FRAMEWORK_ISSUER, aud: botId, serviceurl: serviceUrl }, options);
  }
}
