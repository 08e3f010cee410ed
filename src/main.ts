import type pino from 'pino';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/app';
import { createMessagesHandler } from './bot/messages-endpoint';
import { routeSdkConsoleToLogger } from './bot/sdk-console';
import { composeDelivery, type DeliveryStack } from './compose-delivery';
import { ConfigError, loadConfig, type Config } from './config';
import type { BookingDirectory } from './domain/delivery-ports';
import type { Clock } from './domain/ports';
import { mountLocalAdmin } from './http/local-admin';
import { mountLocalCatalogImport } from './http/local-catalog-import';
import { startHttpServer } from './http/server';
import { createConfidentialClient } from './integrations/graph/graph-client';
import { createRootLogger, type Logger } from './logger';
import { CatalogService } from './services/catalog-service';
import { buildDemoCatalog } from './services/demo-catalog';
import { PeopleService } from './services/people-service';
import type { StoreDatabase } from './store/collection';
import type { EmbeddedDatabase } from './store/embedded/embedded-database';
import { createStore, openDatabase } from './store/open-store';

export interface RunningApp {
  readonly port: number;
  readonly log: Logger;
  /** Reminders and notices: the booking service's hooks (planner) and the scheduler, for tests and wiring. */
  readonly delivery: DeliveryStack;
  /** Stops accepting, finishes in-flight work, closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logDestination?: pino.DestinationStream;
  /** Who is booked where; the booking service's once it exists (issue #5). */
  readonly bookings?: BookingDirectory;
}

const systemClock: Clock = { now: () => new Date() };

/** The one composition root: config → logger → store → services → bot → HTTP. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const log = createRootLogger({ level: config.logLevel, destination: options.logDestination });
  const restoreConsole = routeSdkConsoleToLogger(log.child({ component: 'sdk' }));
  const clock = options.clock ?? systemClock;
  warnAboutInboundAuth(config, log);

  const db = await openDatabase({ mongo: config.mongo, dataDir: config.dataDir }, log.child({ component: 'store' }));
  try {
    return await startOnStore(config, db, log, clock, restoreConsole, options.bookings);
  } catch (error) {
    await db.close();
    restoreConsole();
    throw error;
  }
}

async function startOnStore(config: Config, db: StoreDatabase, log: Logger, clock: Clock, restoreConsole: () => void, bookings?: BookingDirectory): Promise<RunningApp> {
  const store = createStore(db, () => clock.now());

  const catalog = new CatalogService({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: log.child({ component: 'catalog' }) });
  const people = new PeopleService({ conversationReferences: store.conversationReferences, clock, log: log.child({ component: 'people' }) });
  if (db.engine === 'embedded' && (await catalog.isEmpty())) {
    const report = await catalog.import(buildDemoCatalog(clock.now()));
    log.info({ sessions: report.sessions.accepted, courses: report.courses.accepted }, 'demo catalogue loaded into the empty store');
  }

  // One app-only MSAL client (one token cache) for the Bot Connector and Graph; none in local mode.
  const confidentialClient = config.bot
    ? createConfidentialClient({ authorityHost: config.authorityHost, tenantId: config.bot.tenantId, clientId: config.bot.id, clientSecret: config.bot.password, log: log.child({ component: 'msal' }) })
    : undefined;
  // msal-node 3 here, 2 inside botframework-connector: the confidential client API botbuilder calls is the same.
  const adapter = createAdapter(config, log.child({ component: 'bot' }), confidentialClient as never);
  const delivery = composeDelivery({ config, store, adapter, catalog, clock, log, bookings, confidentialClient, instanceId: `${process.pid}-${clock.now().getTime().toString(36)}` });
  const bot = createBotApplication({ adapter, botAppId: config.bot?.id ?? '', log: log.child({ component: 'bot' }), people, settings: delivery.settings });

  const embedded = db.engine === 'embedded' ? (db as EmbeddedDatabase) : undefined;
  const server = await startHttpServer(
    {
      messages: createMessagesHandler(adapter, bot, log.child({ component: 'messages' })),
      ready: () => db.ping(),
      mount: (router) => {
        if (embedded) mountLocalCatalogImport(router, { secret: embedded.lock.secret, catalog, log: log.child({ component: 'catalog' }) });
        if (embedded) mountLocalAdmin(router, { secret: embedded.lock.secret, queue: store.deliveryAdmin, clock, log: log.child({ component: 'admin' }) });
      },
    },
    config.port,
    log.child({ component: 'http' }),
  );
  embedded?.lock.advertisePort(server.port);
  // After HTTP: a reminder may need the app reachable (links); before closing the store on the way out.
  if (config.delivery.schedulerEnabled) delivery.scheduler.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info({}, 'shutting down');
      await server.close();
      await delivery.scheduler.stop();
      await db.close();
      restoreConsole();
      log.info({}, 'stopped');
      log.flush();
    })());
  return { port: server.port, log, delivery, stop };
}

function warnAboutInboundAuth(config: Config, log: Logger): void {
  if (!config.bot) {
    log.warn({ mode: 'local' }, 'BOT_ID is not set: local mode, inbound activities are NOT authenticated and Graph is off. Use only on your machine or with Agents Playground.');
  } else if (config.allowUnauthenticatedRequests) {
    log.warn({ mode: 'unauthenticated' }, 'ALLOW_UNAUTHENTICATED_REQUESTS=true: inbound activities are NOT authenticated. Never use this in production.');
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'signal received');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
