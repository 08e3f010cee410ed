import type { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import type { Router } from 'express';
import type pino from 'pino';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/app';
import { createMessagesHandler } from './bot/messages-endpoint';
import { routeSdkConsoleToLogger } from './bot/sdk-console';
import { composeBookings, createCatalogService, createUsageService } from './compose-core';
import { composeDelivery, type DeliveryStack } from './compose-delivery';
import { composePrivacy, logCrmMode, type PrivacyComposition } from './compose-privacy';
import { ConfigError, loadConfig, type Config } from './config';
import type { ChatSender } from './domain/delivery-ports';
import type { Clock } from './domain/ports';
import { EntraAccessTokenValidator } from './http/admin/access-token';
import { mountAdminApi } from './http/admin/admin-routes';
import { mountLocalAdmin } from './http/local-admin';
import { mountLocalCatalogImport } from './http/local-catalog-import';
import { mountLocalPrivacyAdmin } from './http/local-privacy-admin';
import { mountExportDownload } from './http/privacy-export';
import { startHttpServer } from './http/server';
import { mountSessionRoutes } from './http/session-routes';
import { mountTrackedRedirects } from './http/tracked-redirects';
import { createConfidentialClient } from './integrations/graph/graph-client';
import { GraphDirectory } from './integrations/graph/graph-directory';
import { createRootLogger, type Logger } from './logger';
import type { BookingService } from './services/booking-service';
import { CatalogIndex } from './services/catalog-index';
import { CatalogSearchService } from './services/catalog-search';
import type { CatalogService } from './services/catalog-service';
import { buildDemoCatalog } from './services/demo-catalog';
import { DigestService } from './services/digest-service';
import { ChatErasureNotifier } from './services/erasure-notifier';
import { PeopleService } from './services/people-service';
import { PersonalCourseRanking } from './services/personal-course-ranking';
import { RecommendationService } from './services/recommendation-service';
import { LinkSigner } from './services/signed-links';
import { TrackedLinks } from './services/tracked-links';
import type { UsageService } from './services/usage-service';
import type { StoreDatabase } from './store/collection';
import type { EmbeddedDatabase } from './store/embedded/embedded-database';
import { createStore, openDatabase, type Store } from './store/open-store';

export interface RunningApp {
  readonly port: number;
  readonly log: Logger;
  /** Reminders and notices: the booking service's hooks (planner) and the scheduler, for tests and wiring. */
  readonly delivery: DeliveryStack;
  /** Identity, CRM sync, export and erasure (tests drive its worker and wait for its background work). */
  readonly privacy: PrivacyComposition;
  /** Stops accepting, finishes in-flight work, closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logDestination?: pino.DestinationStream;
  /** Replaces the app-only Graph client composed from the configuration (tests); the Directory reads profiles through it. */
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
  const { catalog, catalogIndex } = await composeCatalog(db, store, clock, log);
  const people = new PeopleService({ conversationReferences: store.conversationReferences, clock, log: log.child({ component: 'people' }) });
  const signer = new LinkSigner(await store.secrets.getOrCreate('link-signing'));
  const usage = createUsageService(store, clock, log);
  const { trackedLinks, recommendations, digests } = createRecommendations(config, store, usage, signer, clock, log);
  const popularity = new PersonalCourseRanking({ recommendations, aggregates: store.usageAggregates });
  const search = new CatalogSearchService({ index: catalogIndex, seats: store.bookings, popularity, clock });

  // One app-only MSAL client (one token cache) for the Bot Connector and Graph; none in local mode.
  const confidentialClient = config.bot
    ? createConfidentialClient({ authorityHost: config.authorityHost, tenantId: config.bot.tenantId, clientId: config.bot.id, clientSecret: config.bot.password, log: log.child({ component: 'msal' }) })
    : undefined;
  // msal-node 3 here, 2 inside botframework-connector: the confidential client API botbuilder calls is the same.
  const adapter = createAdapter(config, log.child({ component: 'bot' }), confidentialClient as never);
  const { links, planner, bookings, applySessionChange } = composeBookings({ config, store, usage, signer, clock, log });
  const delivery = composeDelivery({
    config, store, adapter, clock, log, bookings: store.bookings, planner, applySessionChange, links, digests: recommendations, confidentialClient,
    instanceId: `${process.pid}-${clock.now().getTime().toString(36)}`,
  });
  const privacy = await composeErasure({ config, store, clock, log, signer, chat: delivery.chat, bookings, people, graph: options.graphClient ?? delivery.graph });

  const bot = createBotApplication({
    adapter, botAppId: config.bot?.id ?? '', log: log.child({ component: 'bot' }), people,
    search, bookings, recommendations, settings: delivery.settings, personSync: privacy.personSync, privacy: { privacy: privacy.privacy, exportLinks: privacy.exportLinks },
  });
  const embedded = db.engine === 'embedded' ? (db as EmbeddedDatabase) : undefined;
  const server = await startHttpServer(
    {
      messages: createMessagesHandler(adapter, bot, log.child({ component: 'messages' })),
      ready: () => db.ping(),
      mount: (router) => mountRoutes(router, { config, store, embedded, catalog, bookings, trackedLinks, privacy, clock, log }),
    },
    config.port,
    log.child({ component: 'http' }),
  );
  embedded?.lock.advertisePort(server.port);
  if ((options.privacyWorkerIntervalMs ?? 30_000) > 0) privacy.worker.start(options.privacyWorkerIntervalMs ?? 30_000);
  const digestTimer = startDigestTimer(digests, log);
  // After HTTP: a reminder may need the app reachable (links); before closing the store on the way out.
  if (config.delivery.schedulerEnabled) delivery.scheduler.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info({}, 'shutting down');
      clearInterval(digestTimer);
      catalogIndex.stop();
      await server.close();
      await delivery.scheduler.stop();
      await privacy.worker.stop();
      await privacy.personSync.idle();
      await db.close();
      restoreConsole();
      log.info({}, 'stopped');
      log.flush();
    })());
  return { port: server.port, log, delivery, privacy, stop };
}

/** The catalogue (the demo one on a first start of the embedded store) and its search index, kept fresh. */
async function composeCatalog(db: StoreDatabase, store: Store, clock: Clock, log: Logger) {
  const catalog = createCatalogService(store, clock, log.child({ component: 'catalog' }));
  if (db.engine === 'embedded' && (await catalog.isEmpty())) {
    const report = await catalog.import(buildDemoCatalog(clock.now()));
    log.info({ sessions: report.sessions.accepted, courses: report.courses.accepted, rooms: report.rooms.accepted }, 'demo catalogue loaded into the empty store');
  }
  const catalogIndex = new CatalogIndex({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: log.child({ component: 'search-index' }) });
  catalog.onCatalogChange(() => catalogIndex.refresh());
  await catalogIndex.start();
  return { catalog, catalogIndex };
}

/** People records, CRM sync, export and erasure; every capability holding personal data registers with the eraser. */
async function composeErasure(inputs: {
  config: Config; store: Store; clock: Clock; log: Logger; signer: LinkSigner; chat: ChatSender;
  bookings: BookingService; people: PeopleService; graph: GraphClient | undefined;
}): Promise<PrivacyComposition> {
  const { config, store, clock, log, people, graph } = inputs;
  const directory = config.bot && graph ? new GraphDirectory(graph, { now: () => clock.now().getTime() }) : undefined;
  const privacy = await composePrivacy({
    config, store, bookings: inputs.bookings, signer: inputs.signer, clock, log, directory, notifier: new ChatErasureNotifier(inputs.chat),
  });
  // In-memory copies go too (the holders already erased the stored ones).
  privacy.registry.onErased((person) => {
    directory?.forget(person);
    people.forgetCached(person);
  });
  logCrmMode(config, log);
  return privacy;
}

/** The HTTP routes besides /api/messages: tracked links, calendar files, downloads, local operator routes, the admin API. */
function mountRoutes(router: Router, deps: {
  config: Config; store: Store; embedded: EmbeddedDatabase | undefined; catalog: CatalogService; bookings: BookingService;
  trackedLinks: TrackedLinks; privacy: PrivacyComposition; clock: Clock; log: Logger;
}): void {
  const { config, store, embedded, catalog, bookings, privacy, clock, log } = deps;
  mountTrackedRedirects(router, { links: deps.trackedLinks, log: log.child({ component: 'links' }) });
  mountSessionRoutes(router, { bookings, publicBaseUrl: config.publicBaseUrl, now: () => clock.now() });
  mountExportDownload(router, { exportLinks: privacy.exportLinks, log: log.child({ component: 'privacy' }) });
  // Operator commands reach an app that holds the embedded store through loopback routes guarded by the lock's secret.
  if (embedded) {
    mountLocalCatalogImport(router, { secret: embedded.lock.secret, catalog, log: log.child({ component: 'catalog' }) });
    mountLocalAdmin(router, { secret: embedded.lock.secret, queue: store.deliveryAdmin, clock, log: log.child({ component: 'admin' }) });
    mountLocalPrivacyAdmin(router, { secret: embedded.lock.secret, privacy: privacy.privacy, reports: privacy.reports });
  }
  // The provider's web API exists only with an Entra app to validate its tokens (local mode: 404).
  if (config.bot) {
    const tokens = new EntraAccessTokenValidator({ authorityHost: config.authorityHost, tenantId: config.bot.tenantId, appId: config.bot.id });
    mountAdminApi(router, { tokens, reports: privacy.reports, catalog, privacy: privacy.privacy, log: log.child({ component: 'admin-api' }) });
  }
}

/** Tracked course and room links, recommendations and the weekly digest. */
function createRecommendations(config: Config, store: Store, usage: UsageService, signer: LinkSigner, clock: Clock, log: Logger) {
  const links = new TrackedLinks({ signer, publicBaseUrl: config.publicBaseUrl, courses: store.courses, rooms: store.rooms, usage, clock, log: log.child({ component: 'links' }) });
  const recommendations = new RecommendationService({
    aggregates: store.usageAggregates, users: store.users, courses: store.courses, sessions: store.sessions, rooms: store.rooms,
    catalogVersion: store.catalogVersion, usage, links, clock, log: log.child({ component: 'recommendations' }),
  });
  const digests = new DigestService({ users: store.users, recommendations, notices: store.deliveries, clock, log: log.child({ component: 'digest' }) });
  return { trackedLinks: links, recommendations, digests };
}

/**
 * Queues the weekly digests hourly. The timer only triggers: what a person is promised lives in the
 * persisted delivery queue, and enqueueing is idempotent per person and week across instances.
 */
function startDigestTimer(digests: DigestService, log: Logger): NodeJS.Timeout {
  const run = () => {
    digests.enqueueDue().catch((error: unknown) => log.error({ err: error }, 'queueing weekly digests failed; the next run retries'));
  };
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  run();
  return timer;
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
