import type { Activity } from 'botbuilder';

/**
 * Single tenant: an activity is served only when it names our tenant. Teams puts the tenant in
 * `channelData.tenant.id` and `conversation.tenantId`; Microsoft's pages disagree on whether both are
 * always present (facts §6), so we refuse when either names another tenant, or when neither is there.
 * These are body fields, not signed claims: the JWT proves the Bot Connector sent the activity, and
 * the Connector fills them from the tenant the conversation belongs to.
 */
export class TenantGuard {
  private readonly tenantId: string;

  constructor(tenantId: string) {
    this.tenantId = tenantId.toLowerCase();
  }

  allows(activity: Partial<Activity>): boolean {
    const named = [channelDataTenant(activity), activity.conversation?.tenantId].filter((id) => id !== undefined && id !== null);
    if (named.length === 0) return false;
    return named.every((id) => typeof id === 'string' && id.toLowerCase() === this.tenantId);
  }
}

function channelDataTenant(activity: Partial<Activity>): unknown {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return typeof channelData === 'object' && channelData !== null ? channelData.tenant?.id : undefined;
}
