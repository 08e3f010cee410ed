import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { CatalogImportError, type CatalogService } from '../services/catalog-service';
import { isLocalOperator } from './local-operator';

/**
 * `POST /internal/catalog/import`: how `npm run catalog -- import` reaches a running app that owns the
 * embedded store (two processes must never write the same files). Only loopback callers holding the
 * secret from the store's lock file (readable by its owner only) are served.
 */
export function mountLocalCatalogImport(router: Router, deps: { secret: string; catalog: CatalogService; log: Logger }): void {
  router.post('/internal/catalog/import', express.json({ limit: '50mb' }), async (req, res) => {
    if (!isLocalOperator(req, deps.secret)) {
      res.status(403).json({ error: 'Forbidden' });
      return;
    }
    try {
      res.json(await deps.catalog.import(req.body));
    } catch (error) {
      if (error instanceof CatalogImportError) {
        res.status(400).json({ error: error.code, problems: error.problems });
        return;
      }
      deps.log.error({ err: error }, 'catalogue import through the running app failed');
      res.status(500).json({ error: 'InternalError' });
    }
  });
}
