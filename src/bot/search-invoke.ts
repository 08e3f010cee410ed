import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { SearchKind } from '../cards/search-cards';
import { isValidTimeZone } from '../domain/local-time';
import { SEARCH_COMMANDS } from './commands';

/** Teams asks 25 results at a time (facts §1.2) and shows no more than that per page. */
export const MAX_PAGE_SIZE = 25;
/** Teams stops paging at about 100 results (facts §1.5); a larger skip is not a real request. */
const MAX_SKIP = 1_000;

/**
 * The shape teams-ai reads without checking before our handler runs (it flattens `parameters` with
 * `forEach` and reads `param.name`): a payload outside it never reaches that code.
 */
const queryInvokeValue = z.object({
  commandId: z.string().max(64),
  parameters: z.array(z.object({ name: z.unknown(), value: z.unknown() }).loose()).max(10).nullish(),
  queryOptions: z.object({ skip: z.unknown(), count: z.unknown() }).loose().nullish(),
}).loose();

export interface SearchInvoke {
  readonly kind: SearchKind;
  /** What the person typed; '' on the initial run. */
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

const KIND_BY_COMMAND = new Map<string, SearchKind>(Object.entries(SEARCH_COMMANDS).map(([kind, id]) => [id, kind as SearchKind]));

/** A well-formed search of one of our commands, or undefined (unknown command, malformed payload). */
export function readSearchInvoke(value: unknown): SearchInvoke | undefined {
  const parsed = queryInvokeValue.safeParse(value);
  if (!parsed.success) return undefined;
  const kind = KIND_BY_COMMAND.get(parsed.data.commandId);
  if (!kind) return undefined;
  const parameters = parsed.data.parameters ?? [];
  // The initial run sends { name: 'initialRun', value: 'true' } instead of the query (facts §1.2).
  const initialRun = parameters.some((parameter) => parameter.name === 'initialRun');
  // The manifest names the parameter `query`; any other single text parameter is read the same way.
  const typed = (parameters.find((parameter) => parameter.name === 'query') ?? parameters.find((parameter) => parameter.name !== 'initialRun'))?.value;
  return {
    kind,
    text: !initialRun && typeof typed === 'string' ? typed : '',
    skip: wholeNumber(parsed.data.queryOptions?.skip, 0, MAX_SKIP, 0),
    count: wholeNumber(parsed.data.queryOptions?.count, 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

function wholeNumber(value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(number)));
}

/**
 * The viewer's time zone: Teams puts the IANA name in the `clientInfo` entity and on the activity,
 * and the offset in `localTimestamp`. UTC when none is usable.
 */
export function timeZoneOf(activity: Partial<Activity>): string {
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as { timezone?: unknown } | undefined;
  const timestamp = (activity as { localTimestamp?: unknown }).localTimestamp;
  const offset = typeof timestamp === 'string' ? /([+-]\d{2}:\d{2})$/.exec(timestamp)?.[1] : undefined;
  const candidates = [clientInfo?.timezone, activity.localTimezone, offset];
  const zone = candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate.length <= 64 && isValidTimeZone(candidate));
  return zone ?? 'UTC';
}

/** The client's locale (`en-US`, `fr-CA`) for writing dates in previews, when it looks like one. */
export function localeOf(activity: Partial<Activity>): string | undefined {
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as { locale?: unknown } | undefined;
  const locale = activity.locale ?? clientInfo?.locale;
  return typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(locale) ? locale : undefined;
}
