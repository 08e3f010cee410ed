import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { QueueInspector } from '../domain/delivery-ports';
import type { Clock } from '../domain/ports';
import { isLocalOperator } from './local-operator';

const listQuery = z.object({ view: z.enum(['pending', 'failing', 'dead']).default('pending'), limit: z.coerce.number().int().min(1).max(1000).default(50) });
const retryBody = z.object({ ref: z.string().regex(/^[0-9a-f]{12}$/).optional(), all: z.boolean().optional() }).refine((body) => Boolean(body.ref) !== Boolean(body.all), 'give ref or all');

/**
 * `/internal/admin/queue`: how `npm run admin -- queue` reaches a running app that owns the embedded
 * store (two processes must never write the same files). Loopback callers with the lock-file secret only.
 */
export function mountLocalAdmin(router: Router, deps: { secret: string; queue: QueueInspector; clock: Clock; log: Logger }): void {
  router.get('/internal/admin/queue', async (req, res) => {
    if (!isLocalOperator(req, deps.secret)) return void res.status(403).json({ error: 'Forbidden' });
    const query = listQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'BadRequest' });
    const now = deps.clock.now();
    res.json({ summary: await deps.queue.summary(now), items: await deps.queue.list(query.data.view, now, query.data.limit) });
  });
  router.post('/internal/admin/queue/retry', express.json({ limit: '1kb' }), async (req, res) => {
    if (!isLocalOperator(req, deps.secret)) return void res.status(403).json({ error: 'Forbidden' });
    const body = retryBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'BadRequest' });
    const retried = await deps.queue.retryDead(deps.clock.now(), body.data.ref);
    deps.log.info({ retried, one: Boolean(body.data.ref) }, 'dead notices put back in the queue by an operator');
    res.json({ retried });
  });
}
