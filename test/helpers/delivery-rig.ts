import { createAdapter } from '../../src/bot/adapter';
import { composeBookings, createCatalogService, createUsageService, type BookingComposition } from '../../src/compose-core';
import { composeDelivery, type DeliveryStack } from '../../src/compose-delivery';
import { loadConfig, type Config } from '../../src/config';
import type { Session } from '../../src/domain/catalog';
import type { BookingDirectory } from '../../src/domain/delivery-ports';
import { noticeKeys } from '../../src/domain/notices';
import type { Person } from '../../src/domain/people';
import type { Clock } from '../../src/domain/ports';
import { createConfidentialClient } from '../../src/integrations/graph/graph-client';
import { createRootLogger, type Logger } from '../../src/logger';
import type { CatalogService } from '../../src/services/catalog-service';
import type { DigestComposer } from '../../src/services/notice-delivery';
import { LinkSigner } from '../../src/services/signed-links';
import type { StoreDatabase } from '../../src/store/collection';
import { createStore, openDatabase, type Store } from '../../src/store/open-store';
import { TEST_TENANT } from './activities';
import { sessionRecord } from './booking';
import { LogCapture } from './log-capture';
import { UNREACHABLE_SERVICES } from './offline';
import { makeTempDir } from './temp-dir';

const systemClock: Clock = { now: () => new Date() };
/**
 * The rig seeds reminders straight into the queue for thousands of people without booking each of
 * them (booking tests cover seats); delivery asks whether the person still holds a seat, so here they do.
 */
const SEEDED_ARE_BOOKED: BookingDirectory = {
  audienceOf: async () => ({ booked: [], waitlisted: [] }),
  isBooked: async () => true,
  upcomingSessionIdsOf: async () => [],
};
/** The rig delivers session notices; digests are the recommendation tests' concern. */
const NO_DIGESTS: DigestComposer = { digestFor: async () => undefined, digestShown: async () => undefined };

/**
 * The delivery half of the app over a real store, without HTTP: the same composition main.ts uses
 * (composeDelivery), so tests, the crash worker and the bench run the real scheduler, bot sender,
 * limiter and Graph client against loopback fakes. Several stacks (instances) can share one store.
 */
export class DeliveryRig {
  private constructor(
    readonly config: Config,
    readonly db: StoreDatabase,
    readonly store: Store,
    readonly catalog: CatalogService,
    readonly log: Logger,
    readonly logs: LogCapture | undefined,
    private readonly clock: Clock,
    private readonly core: BookingComposition,
  ) {}

  static async start(env: Record<string, string>, options: { clock?: Clock; logs?: boolean } = {}): Promise<DeliveryRig> {
    const config = loadConfig({ DATA_DIR: env.DATA_DIR ?? makeTempDir('rig'), LOG_LEVEL: 'warn', NODE_ENV: 'test', SCHEDULER_POLL: '20ms', ...UNREACHABLE_SERVICES, ...env });
    const logs = options.logs === false ? undefined : new LogCapture();
    const log = createRootLogger({ level: config.logLevel, destination: logs });
    const clock = options.clock ?? systemClock;
    const db = await openDatabase({ mongo: config.mongo, dataDir: config.dataDir }, log);
    const store = createStore(db, () => clock.now());
    const catalog = createCatalogService(store, clock, log);
    const signer = new LinkSigner(await store.secrets.getOrCreate('link-signing'));
    const core = composeBookings({ config, store, usage: createUsageService(store, clock, log), signer, clock, log });
    return new DeliveryRig(config, db, store, catalog, log, logs, clock, core);
  }

  /** One app instance's delivery stack (its own adapter, limiter and scheduler) over the shared store. */
  instance(instanceId: string): DeliveryStack {
    const bot = this.config.bot;
    const confidentialClient = bot
      ? createConfidentialClient({ authorityHost: this.config.authorityHost, tenantId: bot.tenantId, clientId: bot.id, clientSecret: bot.password, log: this.log })
      : undefined;
    const adapter = createAdapter(this.config, this.log, confidentialClient as never);
    return composeDelivery({
      config: this.config, store: this.store, adapter, clock: this.clock, log: this.log, bookings: SEEDED_ARE_BOOKED,
      planner: this.core.planner, applySessionChange: this.core.applySessionChange, links: this.core.links, digests: NO_DIGESTS, confidentialClient, instanceId,
    });
  }

  async addSession(id: string, startsAt: Date): Promise<Session> {
    await this.catalog.import({ sessions: [sessionRecord(id, { startsAt: startsAt.toISOString() })] });
    return (await this.store.sessions.get(id))!;
  }

  /** A person who has talked to the bot: their personal conversation `a:conv-<userId>` on `serviceUrl`. */
  async addPerson(userId: string, serviceUrl: string): Promise<Person> {
    const person = { userId, tenantId: TEST_TENANT };
    await this.store.conversationReferences.save({
      ...person,
      updatedAt: this.clock.now(),
      reference: {
        channelId: 'msteams', serviceUrl, locale: 'en-US',
        user: { id: `29:${userId}`, aadObjectId: userId }, bot: { id: '28:bot' },
        conversation: { id: `a:conv-${userId}`, conversationType: 'personal', tenantId: TEST_TENANT },
      },
    });
    return person;
  }

  /** `count` people with a conversation each and one reminder due now for `session`. */
  async seedDueReminders(count: number, session: Session, serviceUrl: string, prefix = 'u'): Promise<Person[]> {
    const people: Person[] = [];
    for (let i = 0; i < count; i += 1) {
      const person = await this.addPerson(`${prefix}-${i}`, serviceUrl);
      await this.store.deliveries.enqueue({
        key: noticeKeys.reminder(person, session.id, session.startsAt, 900_000),
        person,
        dueAt: this.clock.now(),
        payload: { kind: 'session.reminder', sessionId: session.id, offsetMs: 900_000, startsAt: session.startsAt },
      });
      people.push(person);
    }
    return people;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** Polls until `check` holds (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
