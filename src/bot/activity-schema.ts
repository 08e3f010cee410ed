import { z } from 'zod';

/**
 * What an activity must look like before the SDK, the tenant check or any handler sees it. botbuilder
 * and teams-ai read these fields without checking (a number where a string belongs surfaces as a
 * 500), and our own capture writes the sender's ids: a malformed activity is refused here, with 400,
 * before anything runs or is written. An invoke's `value` is left to its route, which answers a
 * malformed one with a friendly, valid response (an empty search result, a "card cannot be used"
 * card), as Teams expects of an invoke; this is the shape, not the meaning.
 */
const text = (max: number) => z.string().max(max);
const account = z.object({ id: z.string().min(1).max(512), aadObjectId: text(128).optional(), name: text(512).nullish() }).loose();
const jsonObject = z.record(z.string(), z.unknown());

const envelope = z.object({
  type: z.string().min(1).max(64),
  id: text(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).refine((url) => /^https?:\/\/[^\s]+$/i.test(url), 'must be an http(s) URL'),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string().min(1).max(1024), tenantId: text(128).optional(), conversationType: text(32).optional(), isGroup: z.boolean().optional() }).loose(),
  channelData: z.object({ tenant: z.object({ id: text(128) }).loose().optional() }).loose().optional(),
  locale: text(32).nullish(),
  timestamp: text(64).optional(),
  localTimestamp: text(64).optional(),
  entities: z.array(jsonObject).max(50).optional(),
  deliveryMode: text(32).optional(),
}).loose();

const message = z.object({
  text: text(28_000).optional(),
  attachments: z.array(z.object({ contentType: text(256) }).loose()).max(20).optional(),
  value: jsonObject.optional(),
}).loose();

const invoke = z.object({ name: z.string().min(1).max(128), value: z.unknown().optional() }).loose();

const conversationUpdate = z.object({ membersAdded: z.array(account).max(1_000).optional(), membersRemoved: z.array(account).max(1_000).optional() }).loose();
const installationUpdate = z.object({ action: text(32).optional() }).loose();

/** The paths of what is wrong, empty when the activity has the shape the bot relies on. */
export function activityProblems(body: unknown): string[] {
  const base = envelope.safeParse(body);
  if (!base.success) return issuesOf(base.error);
  const activity = body as Record<string, unknown>;
  const schema = { message, invoke, conversationUpdate, installationUpdate }[base.data.type as string];
  if (!schema) return [];
  const shaped = schema.safeParse(activity);
  return shaped.success ? [] : issuesOf(shaped.error);
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.path.join('.') || '(activity)');
}
