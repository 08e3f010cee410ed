import { randomUUID } from 'node:crypto';
import type { Person } from '../domain/people';
import type { Clock } from '../domain/ports';
import type { AuditLog, UsedTokenRepository } from '../domain/privacy-ports';
import type { PersonalDataExport, PrivacyService } from './privacy-service';
import type { LinkSigner } from './signed-links';

/** Long enough to click from Teams, short enough that a forwarded link is soon worthless. */
export const EXPORT_LINK_TTL_MS = 10 * 60_000;
const PURPOSE = 'privacy.export';

export type Redemption = { readonly status: 'ok'; readonly export: PersonalDataExport } | { readonly status: 'invalid' | 'used' };

/**
 * "Export my data" answers with a link, not the data: a signed, short-lived, single-use token naming
 * the person. The first download consumes it (a unique record of its id), so a link that leaks later
 * (a proxy log, a forwarded chat) gives nothing.
 */
export class ExportLinkService {
  constructor(
    private readonly deps: { signer: LinkSigner; usedTokens: UsedTokenRepository; privacy: PrivacyService; audit: AuditLog; clock: Clock; publicBaseUrl: string },
  ) {}

  async createLink(person: Person): Promise<{ url: string; expiresAt: Date; expiresInMinutes: number }> {
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_MS);
    const jti = randomUUID();
    const token = this.deps.signer.sign(PURPOSE, { u: person.userId, t: person.tenantId, j: jti }, expiresAt);
    await this.deps.audit.record({ action: 'export.created', actor: 'self', requestId: jti, at: now });
    return { url: `${this.deps.publicBaseUrl}/privacy/export/${token}`, expiresAt, expiresInMinutes: EXPORT_LINK_TTL_MS / 60_000 };
  }

  async redeem(token: string): Promise<Redemption> {
    const now = this.deps.clock.now();
    const claims = this.deps.signer.verify(PURPOSE, token, now);
    if (!claims?.u || !claims.t || !claims.j) return { status: 'invalid' };
    if (!(await this.deps.usedTokens.consume(claims.j, new Date(now.getTime() + EXPORT_LINK_TTL_MS)))) return { status: 'used' };
    await this.deps.audit.record({ action: 'export.downloaded', actor: 'self', requestId: claims.j, at: now });
    return { status: 'ok', export: await this.deps.privacy.exportData({ userId: claims.u, tenantId: claims.t }) };
  }
}
