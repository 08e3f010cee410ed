import { randomUUID } from 'node:crypto';

export const TEST_TENANT = '11111111-2222-3333-4444-555555555555';

export interface TestUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name?: string;
}

export const ALEX: TestUser = { id: '29:alex', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Alex Wilber' };
export const BLAIR: TestUser = { id: '29:blair', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000002', name: 'Blair Ndiaye' };

interface ActivityOptions {
  readonly serviceUrl: string;
  readonly user?: TestUser;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
  readonly locale?: string;
  readonly tenantId?: string;
}

/** An activity as Teams sends it to the bot, with the fields botbuilder relies on. */
export function baseActivity(type: string, options: ActivityOptions): Record<string, unknown> {
  const user = options.user ?? ALEX;
  const tenantId = options.tenantId ?? TEST_TENANT;
  const conversationType = options.conversationType ?? 'personal';
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: '28:bot', name: 'Wellbeing' },
    conversation: { id: options.conversationId ?? `a:${conversationType}-${user.id}`, conversationType, tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: options.locale ?? 'en-US',
  };
}

export function messageActivity(text: string, options: ActivityOptions): Record<string, unknown> {
  return { ...baseActivity('message', options), text };
}

export function installActivity(options: ActivityOptions): Record<string, unknown> {
  return { ...baseActivity('installationUpdate', options), action: 'add' };
}

export function invokeActivity(name: string, value: unknown, options: ActivityOptions): Record<string, unknown> {
  return { ...baseActivity('invoke', options), name, value };
}
