import { invokeActivity } from './activities';
import { postJson } from './app';

export interface SearchAttachment {
  contentType: string;
  content: Record<string, unknown> & { body: { type: string; text?: string }[]; version: string; refresh?: { action: { verb: string; data: { sessionId: string } } } };
  preview: { contentType: string; content: { title: string; subtitle?: string; text?: string } };
}

export interface SearchAnswer {
  status: number;
  type: string;
  attachments: SearchAttachment[];
  /** Preview titles, in order. */
  titles: string[];
  /** Session ids taken from each card's refresh action (sessions only). */
  sessionIds: string[];
}

export interface SearchOptions {
  readonly serviceUrl?: string;
  readonly skip?: number;
  readonly count?: number;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** A `composeExtension/query` invoke as Teams sends it (facts §1.2); `text: undefined` is the initial run. */
export function queryValue(commandId: string, text: string | undefined, options: SearchOptions = {}): Record<string, unknown> {
  return {
    commandId,
    parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
    queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
  };
}

export function queryActivity(value: unknown, options: SearchOptions = {}): Record<string, unknown> {
  const activity = invokeActivity('composeExtension/query', value, { serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9', locale: options.locale });
  return { ...activity, entities: [{ type: 'clientInfo', locale: options.locale ?? 'en-US', timezone: options.timeZone ?? 'Europe/Paris' }] };
}

/** POSTs a raw query invoke value and reads the answer. */
export async function postQuery(url: string, value: unknown, options: SearchOptions = {}): Promise<SearchAnswer> {
  const response = await postJson(`${url}/api/messages`, queryActivity(value, options));
  const result = (response.body as { composeExtension?: { type: string; attachments: SearchAttachment[] } } | undefined)?.composeExtension;
  if (response.status !== 200 || !result) throw new Error(`Expected a search result, got ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return {
    status: response.status,
    type: result.type,
    attachments: result.attachments,
    titles: result.attachments.map((attachment) => attachment.preview.content.title),
    sessionIds: result.attachments.flatMap((attachment) => (attachment.content.refresh ? [attachment.content.refresh.action.data.sessionId] : [])),
  };
}

export function search(url: string, commandId: string, text: string | undefined, options: SearchOptions = {}): Promise<SearchAnswer> {
  return postQuery(url, queryValue(commandId, text, options), options);
}
