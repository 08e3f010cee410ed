import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { InboundRefusal, type WellbeingAdapter } from './adapter';

/**
 * The minimum every activity must have before the SDK sees it: botbuilder and teams-ai read these
 * fields without checking, and a missing one would surface as a 500 instead of the 400 it deserves.
 */
const activityEnvelope = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL'),
  from: z.object({ id: z.string().min(1).max(512) }).loose(),
  recipient: z.object({ id: z.string().min(1).max(512) }).loose(),
  conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
}).loose();

/**
 * `POST /api/messages`: validates the envelope, then authenticates the caller (401) and checks the
 * tenant (403) before any handler runs or anything is written, then runs the turn.
 */
export function createMessagesHandler(adapter: WellbeingAdapter, app: Application<TurnState>, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const envelope = activityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      log.info({ fields: envelope.error.issues.map((issue) => issue.path.join('.')).slice(0, 5) }, 'rejected a malformed activity');
      res.status(400).json({ error: 'InvalidActivity', fields: envelope.error.issues.map((issue) => issue.path.join('.')) });
      return;
    }
    try {
      const outcome = await adapter.runTurn(withDates(req.body as Partial<Activity>), req.get('authorization') ?? '', (context) => app.run(context).then(() => undefined));
      if (outcome.body === undefined) res.status(outcome.status).end();
      else res.status(outcome.status).json(outcome.body);
    } catch (error) {
      if (!(error instanceof InboundRefusal)) throw error;
      log.warn({ code: error.code, activityType: envelope.data.type }, 'refused an inbound activity');
      res.status(error.status).json({ error: error.code });
    }
  };
}

/** What botbuilder's own `process` does to the body: its date fields become Dates, the originals kept. */
function withDates(body: Partial<Activity>): Activity {
  const activity = { ...body } as Activity & Record<string, unknown>;
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = activity[field] as unknown;
    if (typeof value === 'string') {
      activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
      (activity as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return activity;
}
