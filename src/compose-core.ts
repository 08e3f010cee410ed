import type { Config } from './config';
import type { SessionChange } from './domain/catalog';
import { DeliveryError } from './domain/delivery';
import type { Clock, Log, UsageRecorder } from './domain/ports';
import { BookingService } from './services/booking-service';
import { CatalogService } from './services/catalog-service';
import { ReminderPlanner } from './services/reminder-planner';
import { SessionLinks } from './services/session-links';
import type { LinkSigner } from './services/signed-links';
import { UsageService } from './services/usage-service';
import type { Store } from './store/open-store';

/*
 * The core services over a store, with no Teams adapter: shared by the app (main.ts), the operator
 * commands (an erasure frees seats and a catalogue import queues its changes exactly as the app
 * does), tests and benchmarks.
 */

/** The catalogue over a store: its session changes go to the store's delivery queue. Used by the app, the CLI, tests and benches. */
export function createCatalogService(store: Store, clock: Clock, log: Log): CatalogService {
  return new CatalogService({
    sessions: store.sessions, courses: store.courses, rooms: store.rooms, version: store.catalogVersion, changes: store.deliveries, clock, log,
  });
}

/** Usage records and the aggregates recommendations read, kept up to date together. */
export function createUsageService(store: Store, clock: Clock, log: Log): UsageService {
  return new UsageService({
    usage: store.usage, aggregates: store.usageAggregates, sessions: store.sessions, courses: store.courses, rooms: store.rooms, clock,
    log: log.child({ component: 'usage' }),
  });
}

export interface BookingComposition {
  readonly links: SessionLinks;
  readonly planner: ReminderPlanner;
  readonly bookings: BookingService;
  /** Runs a queued catalogue change: notices to everyone booked or waiting, reminders re-planned, the move shown on cards. */
  readonly applySessionChange: (change: SessionChange) => Promise<void>;
}

/**
 * Booking and the reminders that follow seats, over the store only (no Teams adapter), so the app
 * and the operator commands (an erasure frees seats the same way) share one composition.
 */
export function composeBookings(inputs: { config: Config; store: Store; usage: UsageRecorder; signer: LinkSigner; clock: Clock; log: Log }): BookingComposition {
  const { config, store, clock, log } = inputs;
  const links = new SessionLinks(inputs.signer, config.publicBaseUrl);
  const planner = new ReminderPlanner({
    queue: store.deliveries, users: store.users, sessions: store.sessions, bookings: store.bookings, defaultOffsetsMs: config.reminderOffsetsMs, clock,
    log: log.child({ component: 'reminders' }),
  });
  const bookings = new BookingService({ bookings: store.bookings, usage: inputs.usage, reminders: planner, links, clock, log: log.child({ component: 'booking' }) });
  const applySessionChange = async (change: SessionChange) => {
    // The change is queued before the import writes the session; should it run first, it waits for the write.
    const stored = change.kind === 'moved' ? await store.sessions.get(change.sessionId) : undefined;
    if (change.kind === 'moved' && stored?.startsAt.getTime() !== change.startsAt.getTime()) {
      throw new DeliveryError('TRANSIENT', 'the moved session is not written yet');
    }
    await bookings.sessionsChanged([change]);
    await planner.sessionsChanged([change]);
  };
  return { links, planner, bookings, applySessionChange };
}
