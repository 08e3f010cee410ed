import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';

export interface HttpRoutes {
  /** `POST /api/messages` */
  readonly messages: RequestHandler;
  /** Resolves when the app can serve (store reachable); rejects otherwise. */
  readonly ready: () => Promise<void>;
  /** Extra routes a capability mounts (calendar files, tracked redirects, admin API). */
  readonly mount?: (router: express.Router) => void;
}

export interface RunningServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export async function startHttpServer(routes: HttpRoutes, port: number, log: Logger): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  let inFlight = 0;
  let draining = false;
  app.use((_req, res, next) => {
    if (draining) {
      res.status(503).set('Connection', 'close').json({ error: 'ShuttingDown' });
      return;
    }
    inFlight += 1;
    res.on('close', () => (inFlight -= 1));
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    routes.ready().then(
      () => res.json({ status: 'ready' }),
      (error: unknown) => {
        log.warn({ err: error }, 'not ready');
        res.status(503).json({ status: 'unavailable' });
      },
    );
  });
  // Teams sends activities of a few kilobytes; 1 MB leaves room for cards and refuses abuse.
  app.post('/api/messages', express.json({ limit: '1mb' }), asyncRoute(routes.messages, log));
  const router = express.Router();
  routes.mount?.(router);
  app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: 'NotFound' });
  });
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status >= 500) log.error({ err: error }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? 'InternalError' : (error.type ?? 'BadRequest') });
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  log.info({ port: actualPort }, 'listening');

  return {
    port: actualPort,
    close: async (graceMs = 10_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Express 5 forwards rejected promises to the error handler; this adds the log context. */
function asyncRoute(handler: RequestHandler, log: Logger): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res, next);
    } catch (error) {
      log.error({ err: error }, 'request handler failed');
      if (!res.headersSent) res.status(500).json({ error: 'InternalError' });
    }
  };
}
