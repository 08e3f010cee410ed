import type { Response, Router } from 'express';
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
    if (!token.success) return void refuse(res, 'invalid');
    const redemption = await deps.exportLinks.redeem(token.data);
    if (redemption.status !== 'ok') {
      deps.log.info({ status: redemption.status }, 'export link refused');
      return void refuse(res, redemption.status);
    }
    res.set('Content-Disposition', 'attachment; filename="my-wellbeing-data.json"').json(redemption.export);
  });
}

/** What to do next, in both languages: the person opened the link from Teams in a browser, where JSON would mean nothing. */
const REFUSALS = {
  used: {
    status: 410,
    text: 'This download link was already used. For a new one, type "export my data" in your chat with the app.\n'
      + 'Ce lien de téléchargement a déjà servi. Pour en obtenir un autre, écrivez « exporter mes données » dans votre conversation avec l’application.',
  },
  invalid: {
    status: 404,
    text: 'This download link has expired or is not valid. For a new one, type "export my data" in your chat with the app.\n'
      + 'Ce lien de téléchargement a expiré ou n’est pas valide. Pour en obtenir un autre, écrivez « exporter mes données » dans votre conversation avec l’application.',
  },
} as const;

function refuse(res: Response, reason: keyof typeof REFUSALS): void {
  const { status, text } = REFUSALS[reason];
  res.status(status).type('text/plain; charset=utf-8').send(`${text}\n`);
}
