import { composeBookings, createUsageService } from './compose-core';
import type { Config } from './config';
import type { Clock } from './domain/ports';
import type { Directory, ErasureNotifier } from './domain/privacy-ports';
import { IntercomCrm } from './integrations/intercom/intercom-crm';
import type { Logger } from './logger';
import { bookingsHolder } from './services/booking-erasure';
import type { BookingService } from './services/booking-service';
import { ErasureRegistry } from './services/erasure-registry';
import { ExportLinkService } from './services/export-links';
import { ExternalIds } from './services/external-ids';
import { PersonSyncService } from './services/person-sync-service';
import { PrivacyService } from './services/privacy-service';
import { PrivacyWorker } from './services/privacy-worker';
import { recommendationProfileHolder } from './services/recommendation-erasure';
import { LinkSigner } from './services/signed-links';
import { UsageReportService } from './services/usage-report-service';
import type { Store } from './store/open-store';
import { createPrivacyStore, type PrivacyStore } from './store/privacy-store';

export interface PrivacyComposition {
  readonly privacyStore: PrivacyStore;
  readonly registry: ErasureRegistry;
  readonly personSync: PersonSyncService;
  readonly privacy: PrivacyService;
  readonly exportLinks: ExportLinkService;
  readonly reports: UsageReportService;
  readonly worker: PrivacyWorker;
}

/**
 * Identity, CRM sync, export and erasure, wired over the store: shared by main.ts and `npm run admin`,
 * which must erase and export exactly as the app does. Every holder of personal data registers here:
 * the store's collections, then bookings (their cancellations free seats and record usage) and the
 * recommendation profile (it needs the usage it takes out of the tenant counts), both before usage.
 */
export async function composePrivacy(deps: {
  config: Config;
  store: Store;
  bookings: BookingService;
  signer: LinkSigner;
  clock: Clock;
  log: Logger;
  directory?: Directory;
  notifier?: ErasureNotifier;
}): Promise<PrivacyComposition> {
  const { config, store, clock, log, signer } = deps;
  const privacyStore = createPrivacyStore(store.db);
  const registry = new ErasureRegistry();
  for (const holder of privacyStore.holders) registry.register(holder);
  registry.register(bookingsHolder(deps.bookings, store.bookings, clock), { before: 'usage' });
  registry.register(recommendationProfileHolder(store.usageAggregates), { before: 'usage' });
  registry.onErased(() => privacyStore.purgeErasedFromDisk());
  const crm = config.intercom ? new IntercomCrm(config.intercom) : undefined;
  const externalIds = new ExternalIds(await store.secrets.getOrCreate('crm-external-id'));
  if (config.bot && !deps.directory) log.warn({ directory: 'off' }, 'BOT_ID is set but no Graph client is wired: people are recorded without an e-mail and nothing reaches the CRM');
  const personSync = new PersonSyncService({ users: store.users, emailSource: config.bot ? 'directory' : 'activity', directory: deps.directory, crm, externalIds, queue: store.deliveries, clock, log: log.child({ component: 'people' }) });
  const privacy = new PrivacyService({
    registry, users: store.users, crm, externalIds, queue: store.deliveries, jobs: privacyStore.deliveryJobs, audit: privacyStore.audit,
    personSync, notifier: deps.notifier, clock, log: log.child({ component: 'privacy' }),
  });
  const exportLinks = new ExportLinkService({ signer, usedTokens: privacyStore.usedTokens, privacy, audit: privacyStore.audit, clock, publicBaseUrl: config.publicBaseUrl });
  const worker = new PrivacyWorker({ jobs: privacyStore.deliveryJobs, privacy, personSync, clock, log: log.child({ component: 'privacy-worker' }) });
  return { privacyStore, registry, personSync, privacy, exportLinks, reports: new UsageReportService(privacyStore.usageReport), worker };
}

/**
 * The same privacy composition for an operator command working on the store directly (no bot): the
 * erasure frees seats, plans the promoted people's notices and updates aggregates exactly as the app.
 */
export async function composePrivacyOverStore(config: Config, store: Store, clock: Clock, log: Logger): Promise<PrivacyComposition> {
  const signer = new LinkSigner(await store.secrets.getOrCreate('link-signing'));
  const { bookings } = composeBookings({ config, store, usage: createUsageService(store, clock, log), signer, clock, log });
  return composePrivacy({ config, store, bookings, signer, clock, log });
}

/** Said once at start-up, so operators know why Intercom stays empty. */
export function logCrmMode(config: Config, log: Logger): void {
  if (!config.intercom) log.info({ crm: 'off' }, 'INTERCOM_TOKEN is not set: CRM sync is off');
}
