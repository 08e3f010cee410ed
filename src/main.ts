import type { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import type pino from 'pino';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/app';
import { BotErasureNotifier } from './bot/erasure-notifier';
import { createMessagesHandler } from './bot/messages-endpoint';
import { routeSdkConsoleToLogger } from './bot/sdk-console';
import { composePrivacy, logCrmMode, type PrivacyComposition } from './compose-privacy';
import { ConfigError, loadConfig, type Config } from './config';
import type { Clock } from './domain/ports';
import { EntraAccessTokenValidator } from './http/admin/access-token';
import { mountAdminApi } from './http/admin/admin-routes';
import { mountLocalCatalogImport } from './http/local-catalog-import';
import { mountLocalPrivacyAdmin } from './http/local-privacy-admin';
import { mountExportDownload } from './http/privacy-export';
import { startHttpServer } from './http/server';
import { mountSessionRoutes } from './http/session-routes';
import { GraphDirectory } from './integrations/graph/graph-directory';
import { createRootLogger, type Logger } from './logger';
import { bookingsHolder } from './services/booking-erasure';
import { BookingService } from './services/booking-service';
import { CatalogIndex } from './services/catalog-index';
import { CatalogSearchService } from './services/catalog-search';
import { CatalogService } from './services/catalog-service';
import { buildDemoCatalog } from './services/demo-catalog';
import { PeopleService } from './services/people-service';
import { SessionLinks } from './services/session-links';
import { LinkSigner } from './services/signed-links';
import type { StoreDatabase } from './store/collection';
import type { EmbeddedDatabase } from './store/embedded/embedded-database';
import { createStore, openDatabase, type Store } from './store/open-store';
import { StoreCoursePopularity } from './store/repositories/course-popularity';
import type { UsageDocument } from './store/repositories/usage-repository';

export interface RunningApp {
  readonly port: number;
  readonly log: Logger;
  /** Identity, CRM sync, export and erasure (tests drive its worker and wait for its background work). */
  readonly privacy: PrivacyComposition;
  /** Stops accepting, finishes in-flight work, closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logDestination?: pino.DestinationStream;
  /**
   * The app-only Microsoft Graph client (BOT_ID set). The Directory reads people's profiles through it.
   * Until the shared Graph client is composed here from the configuration, it is passed in.
   */
  readonly graphClient?: GraphClient;
  /** How often queued CRM and erasure work is retried; 0 = never by timer (tests call the worker). Default 30 s. */
  readonly privacyWorkerIntervalMs?: number;
  /** Tests put faults between the services and the store (an unreachable store); never set in production. */
  readonly wrapStore?: (store: Store) => Store;
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
    return await startOnStore(config, db, log, clock, restoreConsole, options);
  } catch (error) {
    await db.close();
    restoreConsole();
    throw error;
  }
}

async function startOnStore(config: Config, db: StoreDatabase, log: Logger, clock: Clock, restoreConsole: () => void, options: StartOptions): Promise<RunningApp> {
  const store = (options.wrapStore ?? ((plain: Store) => plain))(createStore(db, () => clock.now()));

  const catalog = new CatalogService({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: log.child({ component: 'catalog' }) });
  const people = new PeopleService({ conversationReferences: store.conversationReferences, clock, log: log.child({ component: 'people' }) });
  if (db.engine === 'embedded' && (await catalog.isEmpty())) {
    const report = await catalog.import(buildDemoCatalog(clock.now()));
    log.info({ sessions: report.sessions.accepted, courses: report.courses.accepted }, 'demo catalogue loaded into the empty store');
  }
  const catalogIndex = new CatalogIndex({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: log.child({ component: 'search-index' }) });
  catalog.onCatalogChange(() => catalogIndex.refresh());
  await catalogIndex.start();
  const popularity = new StoreCoursePopularity(db.collection<UsageDocument>('usage'), () => clock.now());
  const search = new CatalogSearchService({ index: catalogIndex, seats: store.bookings, popularity, clock });

  const links = new SessionLinks(new LinkSigner(await store.secrets.getOrCreate('link-signing')), config.publicBaseUrl);
  const bookings = new BookingService({ bookings: store.bookings, usage: store.usage, notices: store.deliveries, links, clock, log: log.child({ component: 'booking' }) });
  catalog.onSessionChange((changes) => bookings.sessionsChanged(changes));

  const adapter = createAdapter(config, log.child({ component: 'bot' }));
  const directory = config.bot && options.graphClient ? new GraphDirectory(options.graphClient, { now: () => clock.now().getTime() }) : undefined;
  const privacy = await composePrivacy({ config, store, clock, log, directory, notifier: new BotErasureNotifier(adapter, config.bot?.id ?? '') });
  privacy.registry.register(bookingsHolder(bookings, store.bookings, clock), { before: 'usage' });
  privacy.registry.onErased((person) => {
    directory?.forget(person);
    void people.forgetConversation(person).catch((error: unknown) => log.error({ err: error }, 'could not forget the cached conversation'));
  });
  logCrmMode(config, log);
  const bot = createBotApplication({
    adapter, botAppId: config.bot?.id ?? '', log: log.child({ component: 'bot' }), people,
    search, bookings, personSync: privacy.personSync, privacy: { privacy: privacy.privacy, exportLinks: privacy.exportLinks },
  });

  const embedded = db.engine === 'embedded' ? (db as EmbeddedDatabase) : undefined;
  const server = await startHttpServer(
    {
      messages: createMessagesHandler(adapter, bot, log.child({ component: 'messages' })),
      ready: () => db.ping(),
      mount: (router) => {
        if (embedded) mountLocalCatalogImport(router, { secret: embedded.lock.secret, catalog, log: log.child({ component: 'catalog' }) });
        mountSessionRoutes(router, { bookings, publicBaseUrl: config.publicBaseUrl, now: () => clock.now() });
        if (embedded) mountLocalPrivacyAdmin(router, { secret: embedded.lock.secret, privacy: privacy.privacy, reports: privacy.reports });
        mountExportDownload(router, { exportLinks: privacy.exportLinks, log: log.child({ component: 'privacy' }) });
        // The provider's web API exists only with an Entra app to validate its tokens (local mode: 404).
        if (config.bot) {
          const tokens = new EntraAccessTokenValidator({ authorityHost: config.authorityHost, tenantId: config.bot.tenantId, appId: config.bot.id });
          mountAdminApi(router, { tokens, reports: privacy.reports, catalog, privacy: privacy.privacy, log: log.child({ component: 'admin-api' }) });
        }
      },
    },
    config.port,
    log.child({ component: 'http' }),
  );
  embedded?.lock.advertisePort(server.port);
  if ((options.privacyWorkerIntervalMs ?? 30_000) > 0) privacy.worker.start(options.privacyWorkerIntervalMs ?? 30_000);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info({}, 'shutting down');
      catalogIndex.stop();
      await server.close();
      await privacy.worker.stop();
      await privacy.personSync.idle();
      await db.close();
      restoreConsole();
      log.info({}, 'stopped');
      log.flush();
    })());
  return { port: server.port, log, privacy, stop };
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
