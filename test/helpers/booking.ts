import { readLockHolder } from '../../src/store/embedded/data-dir-lock';
import { invokeActivity, type TestUser } from './activities';
import { postJson, type TestApp } from './app';
import { liveDocuments } from './privacy';

export type Card = Record<string, unknown> & { body?: unknown[]; actions?: Action[]; refresh?: { action: Action; userIds?: unknown } };
export interface Action {
  type: string;
  verb?: string;
  title?: string;
  url?: string;
  data?: Record<string, unknown>;
}

/** A session record in the catalogue file format, starting 2026-12-02 12:00 UTC with 3 seats unless told. */
export function sessionRecord(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, title: `Breathe ${id}`, description: 'A calm half hour', topics: ['stress'], facilitator: 'Dr. Amira Haddad', startsAt: '2026-12-02T13:00:00+01:00',
    durationMinutes: 45, capacity: 3, language: 'en', joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}`, ...overrides,
  };
}

/** Loads sessions through the running app's local import endpoint, as `npm run catalog -- import` does. */
export async function importSessions(test: TestApp, sessions: Record<string, unknown>[]): Promise<void> {
  const secret = readLockHolder(test.dataDir)!.secret;
  const response = await postJson(`${test.url}/internal/catalog/import`, { sessions }, { authorization: `Bearer ${secret}` });
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
}

export function person(n: number): TestUser {
  return { id: `29:person-${n}`, aadObjectId: `bbbbbbbb-0000-0000-0000-${String(n).padStart(12, '0')}` };
}

export interface ActOptions {
  readonly user: TestUser;
  readonly serviceUrl: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
  readonly locale?: string;
  readonly trigger?: 'manual' | 'automatic';
}

/** Posts an `adaptiveCard/action` invoke (Action.Execute) and returns the HTTP status and the invoke response body. */
export async function act(test: TestApp, verb: string | undefined, data: unknown, options: ActOptions): Promise<{ status: number; body: { statusCode?: number; type?: string; value?: Card } }> {
  const value = verb === undefined ? data : { action: { type: 'Action.Execute', id: 'action', verb, data }, trigger: options.trigger ?? 'manual' };
  const activity = { ...invokeActivity('adaptiveCard/action', value, options), replyToId: 'shared-card-message' };
  const response = await postJson(`${test.url}/api/messages`, activity);
  return { status: response.status, body: response.body as { statusCode?: number; type?: string; value?: Card } };
}

/** The card answered to an action, failing loudly when the answer is not a card. */
export async function cardAfter(test: TestApp, verb: string, data: unknown, options: ActOptions): Promise<Card> {
  const response = await act(test, verb, data, options);
  if (response.status !== 200 || response.body.statusCode !== 200 || response.body.type !== 'application/vnd.microsoft.card.adaptive' || !response.body.value) {
    throw new Error(`expected a card, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body.value;
}

/** Every text block of a card, in order, joined by newlines. */
export function textOf(card: Card): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) (element.facts as { title: string; value: string }[]).forEach((fact) => texts.push(`${fact.title} ${fact.value}`));
    for (const key of ['body', 'items', 'columns', 'inlines']) walk(element[key]);
  };
  walk(card.body);
  return texts.join('\n');
}

/** Every action a person can take on the card: card actions and those in action sets. */
export function actionsOf(card: Card): Action[] {
  const found: Action[] = [...(card.actions ?? [])];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'ActionSet') found.push(...(element.actions as Action[]));
    for (const key of ['body', 'items', 'columns']) walk(element[key]);
  };
  walk(card.body);
  return found;
}

export const verbsOf = (card: Card) => actionsOf(card).filter((a) => a.type === 'Action.Execute').map((a) => a.verb);
export const urlOf = (card: Card, pattern: RegExp) => actionsOf(card).find((a) => a.type === 'Action.OpenUrl' && pattern.test(a.url ?? ''))?.url;

/** A collection as the embedded engine left it on disk (read after the app stopped). */
export const readCollection = liveDocuments;
