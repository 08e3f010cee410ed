import type { Router } from 'express';
import type { Logger } from 'pino';
import { CATALOG_ID } from '../domain/catalog';
import type { TrackedLinks, TrackedTarget } from '../services/tracked-links';

const TARGETS: readonly TrackedTarget[] = ['course', 'room'];

/**
 * `GET /r/course/:courseId?t=…` and `GET /r/room/:roomId?t=…`: record the open when the signed token
 * holds, then 302 to the item's url. HEAD requests (link checkers, previews) are answered without
 * recording. The token stays out of the destination's Referer.
 */
export function mountTrackedRedirects(router: Router, deps: { links: TrackedLinks; log: Logger }): void {
  for (const target of TARGETS) {
    router.get(`/r/${target}/:id`, async (req, res) => {
      const id = String(req.params.id);
      const token = typeof req.query.t === 'string' ? req.query.t : undefined;
      const url = CATALOG_ID.test(id) ? await deps.links.follow(target, id, token, { record: req.method === 'GET' }) : undefined;
      res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
      if (!url) {
        deps.log.info({ target }, 'tracked link to an item not in the catalogue');
        res.status(404).type('text/plain').send('This item is no longer available. / Ce contenu n’est plus disponible.');
        return;
      }
      res.redirect(302, url);
    });
  }
}
