import express, { type Router } from 'express';
import { z } from 'zod';
import type { PrivacyService } from '../services/privacy-service';
import type { UsageReportService } from '../services/usage-report-service';
import { isLocalOperator } from './local-operator';

const emailBody = z.object({ email: z.email().max(254) });

/**
 * `POST /internal/admin/privacy/{forget,export,report}`: how `npm run admin` reaches a running app that owns
 * the embedded store (two processes must never open the same files). Loopback and the lock file's
 * secret only, like the catalogue import.
 */
export function mountLocalPrivacyAdmin(router: Router, deps: { secret: string; privacy: PrivacyService; reports: UsageReportService }): void {
  router.post('/internal/admin/privacy/:command', express.json({ limit: '4kb' }), async (req, res) => {
    if (!isLocalOperator(req, deps.secret)) return void res.status(403).json({ error: 'Forbidden' });
    if (req.params.command === 'report') return void res.json(await deps.reports.report());
    const body = emailBody.safeParse(req.body);
    if (!body.success || !['forget', 'export'].includes(req.params.command ?? '')) return void res.status(400).json({ error: 'InvalidRequest' });
    const person = await deps.privacy.findByEmail(body.data.email);
    if (!person) return void res.status(404).json({ error: 'PersonNotFound' });
    res.json(req.params.command === 'forget' ? await deps.privacy.forget(person, { actor: 'operator-cli' }) : await deps.privacy.exportData(person));
  });
}
