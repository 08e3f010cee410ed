import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived links the app hands out (join a session, open a course, download an export) carry
 * their claims and an HMAC, so one person cannot record activity for another or read their data.
 * Token: base64url(JSON claims) "." base64url(HMAC-SHA256(purpose + claims)).
 */
export class LinkSigner {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('The link signing secret must be at least 32 bytes');
  }

  sign(purpose: string, claims: Readonly<Record<string, string>>, expiresAt: Date): string {
    const body = Buffer.from(JSON.stringify({ ...claims, exp: expiresAt.getTime() })).toString('base64url');
    return `${body}.${this.mac(purpose, body)}`;
  }

  /** The claims when the token is intact, for this purpose and not expired; undefined otherwise. */
  verify(purpose: string, token: string, now: Date): Record<string, string> | undefined {
    if (typeof token !== 'string' || token.length > 4_096) return undefined;
    const [body, mac] = token.split('.');
    if (!body || !mac || token.split('.').length !== 2) return undefined;
    const expected = Buffer.from(this.mac(purpose, body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = parseClaims(body);
    if (!claims || typeof claims.exp !== 'number' || claims.exp <= now.getTime()) return undefined;
    const { exp: _exp, ...rest } = claims;
    return Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  }

  private mac(purpose: string, body: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${body}`).digest('base64url');
  }
}

function parseClaims(body: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a forged or truncated token
  }
}
