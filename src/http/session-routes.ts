import type { Response, Router } from 'express';
import { z } from 'zod';
import { CATALOG_ID } from '../domain/catalog';
import type { BookingService } from '../services/booking-service';
import { sessionCalendarFile } from '../services/calendar-file';

const sessionId = z.string().regex(CATALOG_ID);
const token = z.string().min(1).max(4_096);

export interface SessionRoutesDeps {
  readonly bookings: BookingService;
  /** `PUBLIC_BASE_URL`, whose host names the calendar event ids. */
  readonly publicBaseUrl: string;
  readonly now: () => Date;
}

/**
 * Links a session card hands out, opened in a browser or a calendar app rather than in Teams:
 * - `GET /api/sessions/:id/calendar.ics?t=…` the person's calendar event (their own Join link inside);
 * - `GET /r/join/:sessionId?t=…` the tracked Join: records the attendance, then 302 to the meeting.
 * Both take a signed token, so they reveal no meeting link to a guesser and record nothing for anyone else.
 */
export function mountSessionRoutes(router: Router, deps: SessionRoutesDeps): void {
  const host = new URL(deps.publicBaseUrl).host;

  router.get('/api/sessions/:id/calendar.ics', async (req, res) => {
    const id = sessionId.safeParse(req.params.id);
    const t = token.safeParse(req.query.t);
    if (!id.success || !t.success) return void page(res, 400, 'This calendar link is incomplete.');
    const found = await deps.bookings.calendar(id.data, t.data);
    if (!found) return void page(res, 404, 'This calendar link is not valid any more. Open the session card in Teams for a new one.');
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${id.data}.ics"`)
      .set('Cache-Control', 'private, no-store')
      .send(sessionCalendarFile(found.session, { joinUrl: found.joinUrl, host }, deps.now()));
  });

  router.get('/r/join/:sessionId', async (req, res) => {
    const id = sessionId.safeParse(req.params.sessionId);
    const t = token.safeParse(req.query.t);
    if (!id.success || !t.success) return void page(res, 400, 'This join link is incomplete.');
    const result = await deps.bookings.join(id.data, t.data);
    switch (result.kind) {
      case 'redirect':
        res.set('Cache-Control', 'no-store').redirect(302, result.url);
        return;
      case 'invalid-link':
        return void page(res, 403, 'This join link is not valid. Open the session card in Teams and use its Join button.');
      case 'not-found':
        return void page(res, 404, 'This session does not exist any more.');
      case 'cancelled':
        return void page(res, 410, 'This session was cancelled by the provider.');
      case 'ended':
        return void page(res, 410, 'This session has ended.');
    }
  });
}

/** A tiny plain page: these links open in a browser, where JSON would mean nothing to a person. */
function page(res: Response, status: number, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(`${message}\n`);
}
