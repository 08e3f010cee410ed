import { BotProactiveSender } from './bot/proactive-sender';
import type { Config } from './config';
import type { SessionChange } from './domain/catalog';
import type { BookingDirectory, ChatSender } from './domain/delivery-ports';
import type { Clock, Log } from './domain/ports';
import { GraphActivityFeed } from './integrations/graph/activity-feed';
import { createGraphClient, type createConfidentialClient } from './integrations/graph/graph-client';
import { GraphAppInstallations } from './integrations/graph/teams-installations';
import { OutboundLimiter } from './integrations/throttle/outbound-limiter';
import { ThrottledActivityFeed, ThrottledChatSender } from './integrations/throttle/throttled-senders';
import { DeliveryScheduler } from './scheduler/delivery-scheduler';
import { ChannelNotifier } from './services/channel-notifier';
import { NoticeDeliveryService, type DigestComposer } from './services/notice-delivery';
import type { ReminderPlanner } from './services/reminder-planner';
import type { SessionLinks } from './services/session-links';
import { SettingsService } from './services/settings-service';
import type { Store } from './store/open-store';

export interface DeliveryInputs {
  readonly config: Config;
  readonly store: Store;
  /** The bot's adapter (a botbuilder CloudAdapter), for proactive messages. */
  readonly adapter: ConstructorParameters<typeof BotProactiveSender>[0];
  readonly clock: Clock;
  readonly log: Log;
  /** Who holds a seat where (delivery skips reminders of given-up seats). */
  readonly bookings: BookingDirectory;
  /** Plans reminders when settings change (composeBookings). */
  readonly planner: ReminderPlanner;
  /** Runs a queued catalogue change (composeBookings). */
  readonly applySessionChange: (change: SessionChange) => Promise<void>;
  /** The person's signed Join and calendar links, for reminder cards. */
  readonly links: Pick<SessionLinks, 'join' | 'calendar'>;
  /** Composes weekly digests (the recommendation service). */
  readonly digests: DigestComposer;
  /** The app's MSAL client when `BOT_ID` is set: Graph is on. */
  readonly confidentialClient?: ReturnType<typeof createConfidentialClient>;
  /** Names this instance in queue claims. */
  readonly instanceId: string;
}

export interface DeliveryStack {
  /** Proactive bot messages, throttled and time-limited (also tells people an erasure completed). */
  readonly chat: ChatSender;
  /** The app-only Graph client (BOT_ID set), shared with the people directory. */
  readonly graph: ReturnType<typeof createGraphClient> | undefined;
  readonly planner: ReminderPlanner;
  readonly settings: SettingsService;
  readonly delivery: NoticeDeliveryService;
  readonly scheduler: DeliveryScheduler;
}

/** Reminders and notices, from the planner to the wire: queue → scheduler → delivery → notifier → chat/feed. */
export function composeDelivery(inputs: DeliveryInputs): DeliveryStack {
  const { config, store, clock, log } = inputs;
  const settings = config.delivery;
  const { bookings, planner } = inputs;
  // Each instance takes its configured share of the tenant budgets (see DeliveryConfig.instances).
  const limiter = new OutboundLimiter({
    tenantRps: settings.tenantRps / settings.instances,
    feedRps: settings.feedRps / settings.instances,
    conversation: settings.conversationWindows,
  });
  const chat = new ThrottledChatSender(
    new BotProactiveSender(inputs.adapter, { botAppId: config.bot?.id ?? '', botServiceUrl: config.botServiceUrl, timeoutMs: settings.sendTimeoutMs }),
    limiter,
  );
  const graph = config.bot && inputs.confidentialClient
    ? createGraphClient({ authorityHost: config.authorityHost, tenantId: config.bot.tenantId, clientId: config.bot.id, clientSecret: config.bot.password, graphBaseUrl: config.graphBaseUrl, log: log.child({ component: 'graph' }), confidentialClient: inputs.confidentialClient })
    : undefined;
  const notifier = new ChannelNotifier({
    channel: config.notifyChannel,
    references: store.conversationReferences,
    chat,
    feed: graph ? new ThrottledActivityFeed(new GraphActivityFeed(graph, { topicText: 'Wellbeing' }), limiter) : undefined,
    installations: graph ? new GraphAppInstallations(graph, { teamsAppId: config.teamsAppId, graphBaseUrl: config.graphBaseUrl, log: log.child({ component: 'graph' }) }) : undefined,
    log: log.child({ component: 'notifier' }),
  });
  const delivery = new NoticeDeliveryService({
    sessions: store.sessions, users: store.users, references: store.conversationReferences, bookings, notifier, clock,
    log: log.child({ component: 'delivery' }),
    links: inputs.links,
    digests: inputs.digests,
    appLink: config.teamsAppId ? `https://teams.microsoft.com/l/app/${config.teamsAppId}` : config.publicBaseUrl,
  });
  const scheduler = new DeliveryScheduler(
    {
      queue: store.deliveries,
      // Catalogue changes are jobs that fan out into notices; everything else is a message for one person.
      deliver: async (item) => {
        if (item.payload.kind !== 'session.changed') return delivery.deliver(item);
        await inputs.applySessionChange(item.payload.change);
        return 'sent';
      },
      clock,
      log: log.child({ component: 'scheduler' }),
    },
    {
      instanceId: inputs.instanceId,
      leaseMs: settings.leaseMs,
      pollMs: settings.pollMs,
      concurrency: settings.concurrency,
      retry: { maxAttempts: settings.maxAttempts, baseDelayMs: settings.retryBaseMs, maxDelayMs: settings.retryMaxMs },
    },
  );
  const settingsService = new SettingsService({ users: store.users, courses: store.courses, defaultOffsetsMs: config.reminderOffsetsMs, clock, onChange: (person) => planner.preferencesChanged(person) });
  return { chat, graph, planner, settings: settingsService, delivery, scheduler };
}
