import type { Activity } from 'botbuilder';
import { languageOf } from '../cards/render';
import type { Language } from '../domain/catalog';
import type { Person } from '../domain/people';

/** Tenant used for activities that carry none (Agents Playground sends one; tests may not). */
export const LOCAL_TENANT = 'local';

/**
 * The person behind an activity: their Entra object id when Teams gives it (it always does in a
 * tenant), otherwise the channel user id (Agents Playground, local mode).
 */
export function personOf(activity: Partial<Activity>): Person | undefined {
  const userId = activity.from?.aadObjectId ?? activity.from?.id;
  if (typeof userId !== 'string' || userId === '') return undefined;
  return { userId, tenantId: tenantOf(activity) ?? LOCAL_TENANT };
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData !== '') return fromChannelData;
  const fromConversation = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation !== '' ? fromConversation : undefined;
}

export function languageOfActivity(activity: Partial<Activity>): Language {
  const clientLocale = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo')?.locale as string | undefined;
  return languageOf(activity.locale ?? clientLocale);
}

export function isPersonalConversation(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/**
 * When someone sends a search result into a chat, Agents Playground (and some Teams clients) post
 * the card with HTML text holding an inline-compose-card span; that is not a command to answer.
 */
export function isInlineComposeCard(text: string | undefined): boolean {
  return typeof text === 'string' && /<span[^>]*class="inline-compose-card"/i.test(text);
}
