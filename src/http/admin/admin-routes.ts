import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { MIN_GROUP_SIZE } from '../../domain/privacy';
import { CatalogImportError, type CatalogService } from '../../services/catalog-service';
import type { PrivacyService } from '../../services/privacy-service';
import type { UsageReportService } from '../../services/usage-report-service';
import type { AdminRole, EntraAccessTokenValidator } from './access-token';

export interface AdminApiDependencies {
  readonly tokens: EntraAccessTokenValidator;
  readonly reports: UsageReportService;
  readonly catalog: CatalogService;
  readonly privacy: PrivacyService;
  readonly log: Logger;
}

const emailBody = z.object({ email: z.email().max(254) }).strict();

/**
 * The provider's web API, `/api/admin/*`: each route runs only for an Entra access token issued to
 * this app carrying the route's app role. The token is checked before the body is even parsed, so a
 * refused call does nothing at all.
 */
export function mountAdminApi(router: Router, deps: AdminApiDependencies): void {
  const guard = (role: AdminRole) => requireRole(role, deps);

  router.get('/api/admin/report', guard('Reports.Read'), async (_req, res) => {
    res.json({ minGroupSize: MIN_GROUP_SIZE, rows: await deps.reports.report() });
  });

  router.post('/api/admin/catalog', guard('Catalog.Manage'), express.json({ limit: '50mb' }), async (req, res) => {
    try {
      res.json(await deps.catalog.import(req.body));
    } catch (error) {
      if (!(error instanceof CatalogImportError)) throw error;
      res.status(400).json({ error: error.code, problems: error.problems });
    }
  });

  router.post('/api/admin/forget', guard('Privacy.Manage'), express.json({ limit: '4kb' }), async (req, res) => {
    const body = emailBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'InvalidRequest', fields: body.error.issues.map((issue) => issue.path.join('.')) });
    const person = await deps.privacy.findByEmail(body.data.email);
    if (!person) return void res.status(404).json({ error: 'PersonNotFound' });
    const outcome = await deps.privacy.forget(person, { actor: 'admin-api' });
    res.json(outcome);
  });

  // POST, not GET: an e-mail address in a query string would sit in proxy and App Service access logs.
  router.post('/api/admin/export', guard('Privacy.Manage'), express.json({ limit: '4kb' }), async (req, res) => {
    const body = emailBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'InvalidRequest', fields: ['email'] });
    const person = await deps.privacy.findByEmail(body.data.email);
    if (!person) return void res.status(404).json({ error: 'PersonNotFound' });
    res.set('Cache-Control', 'no-store').json(await deps.privacy.exportData(person));
  });
}

function requireRole(role: AdminRole, deps: AdminApiDependencies) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const check = await deps.tokens.check(req.get('authorization'));
    if (!check.ok) {
      deps.log.warn({ status: check.status, reason: check.reason, path: req.path }, 'admin API call refused');
      if (check.status === 401) res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      res.status(check.status).json({ error: check.status === 401 ? 'Unauthorized' : 'Unavailable' });
      return;
    }
    if (!check.roles.includes(role)) {
      deps.log.warn({ role, path: req.path, callerAppId: check.callerAppId }, 'admin API call without the role');
      res.status(403).json({ error: 'MissingRole', role });
      return;
    }
    deps.log.info({ role, path: req.path, callerAppId: check.callerAppId }, 'admin API call');
    next();
  };
}
