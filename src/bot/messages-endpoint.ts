import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { activityProblems } from './activity-schema';
import { InboundRefusal, type WellbeingAdapter } from './adapter';

/**
 * `POST /api/messages`: validates the activity's shape (400), then authenticates the caller (401) and checks the
 * tenant (403) before any handler runs or anything is written, then runs the turn.
 */
export function createMessagesHandler(adapter: WellbeingAdapter, app: Application<TurnState>, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const problems = activityProblems(req.body);
    if (problems.length > 0) {
      log.info({ fields: problems.slice(0, 5) }, 'rejected a malformed activity');
      res.status(400).json({ error: 'InvalidActivity', fields: problems.slice(0, 20) });
      return;
    }
    const activity = req.body as Partial<Activity>;
    try {
      const outcome = await adapter.runTurn(withDates(activity), req.get('authorization') ?? '', (context) => app.run(context).then(() => undefined));
      if (outcome.body === undefined) res.status(outcome.status).end();
      else res.status(outcome.status).json(outcome.body);
    } catch (error) {
      if (!(error instanceof InboundRefusal)) throw error;
      log.warn({ code: error.code, activityType: activity.type }, 'refused an inbound activity');
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
