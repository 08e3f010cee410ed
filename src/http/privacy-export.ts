import type { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ExportLinkService } from '../services/export-links';

const tokenParam = z.string().min(10).max(4096).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

/**
 * `GET /privacy/export/:token`: the download behind "export my data". The token is the authority
 * (signed, naming the person, short-lived) and works once; the answer is never cached.
 */
export function mountExportDownload(router: Router, deps: { exportLinks: ExportLinkService; log: Logger }): void {
  router.get('/privacy/export/:token', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const token = tokenParam.safeParse(req.params.token);
    if (!token.success) {
      res.status(404).json({ error: 'LinkNotFound' });
      return;
    }
    const redemption = await deps.exportLinks.redeem(token.data);
    if (redemption.status !== 'ok') {
      deps.log.info({ status: redemption.status }, 'export link refused');
      res.status(redemption.status === 'used' ? 410 : 404).json({ error: redemption.status === 'used' ? 'LinkAlreadyUsed' : 'LinkNotFound' });
      return;
    }
    res.set('Content-Disposition', 'attachment; filename="my-wellbeing-data.json"').json(redemption.export);
  });
}
