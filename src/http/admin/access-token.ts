import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

export type AdminRole = 'Reports.Read' | 'Catalog.Manage' | 'Privacy.Manage';

export type TokenCheck =
  | { readonly ok: true; readonly roles: readonly string[]; readonly callerAppId: string | undefined }
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

/**
 * Validates Entra access tokens for the provider's web API: signed by a key in the tenant's JWKS
 * (fetched through AUTHORITY_HOST and cached by jose), issued by our tenant (v2 issuer), for this
 * app (`api://botid-{BOT_ID}` or the bare app id), not expired. The Entra app must issue v2 tokens
 * (`requestedAccessTokenVersion: 2`, as the Toolkit's Entra manifest sets it).
 */
export class EntraAccessTokenValidator {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuer: string;
  private readonly audiences: string[];

  constructor(private readonly options: { authorityHost: string; tenantId: string; appId: string }) {
    const authority = options.authorityHost.replace(/\/+$/, '');
    this.issuer = `${authority}/${options.tenantId}/v2.0`;
    this.audiences = [`api://botid-${options.appId}`, options.appId];
    this.jwks = createRemoteJWKSet(new URL(`${authority}/${options.tenantId}/discovery/v2.0/keys`), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  async check(authorization: string | undefined): Promise<TokenCheck> {
    const token = /^Bearer ([A-Za-z0-9_.-]{20,8192})$/.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'missing' };
    try {
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, audience: this.audiences, algorithms: ['RS256'], clockTolerance: 300 });
      if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== this.options.tenantId.toLowerCase()) return { ok: false, status: 401, reason: 'tenant' };
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
      const callerAppId = typeof payload.azp === 'string' ? payload.azp : typeof payload.appid === 'string' ? payload.appid : undefined;
      return { ok: true, roles, callerAppId };
    } catch (error) {
      // Keys we could not fetch are our outage (503); anything wrong with the token is the caller's (401).
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) return { ok: false, status: 503, reason: 'keys-unavailable' };
      return { ok: false, status: 401, reason: error.code };
    }
  }
}
