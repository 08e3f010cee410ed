import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';

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

/** `POST /api/messages`: validates the envelope, then hands the activity to the adapter and the app. */
export function createMessagesHandler(adapter: TeamsAdapter, app: Application<TurnState>, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const envelope = activityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      log.info({ fields: envelope.error.issues.map((issue) => issue.path.join('.')).slice(0, 5) }, 'rejected a malformed activity');
      res.status(400).json({ error: 'InvalidActivity', fields: envelope.error.issues.map((issue) => issue.path.join('.')) });
      return;
    }
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  };
}
