import { DeliveryError } from '../domain/delivery';
import type { ActivityFeed, AppInstallations, Channel, ChatSender, Notifier, OutboundMessage } from '../domain/delivery-ports';
import type { Person } from '../domain/people';
import type { ConversationReferenceRepository, Log } from '../domain/ports';

export type ChannelChoice = 'chat' | 'feed' | 'auto';

export interface ChannelNotifierDependencies {
  /** `NOTIFY_CHANNEL`. */
  readonly channel: ChannelChoice;
  readonly references: ConversationReferenceRepository;
  readonly chat: ChatSender;
  /** Absent without Graph (local mode): no feed, and no recovery through the installation. */
  readonly feed: ActivityFeed | undefined;
  readonly installations: AppInstallations | undefined;
  readonly log: Log;
}

/**
 * Sends each message on exactly one channel (`NOTIFY_CHANNEL`): `chat` — the person's 1:1 chat with
 * the bot; `feed` — a Graph activity-feed notification; `auto` — chat when a conversation is known,
 * the feed otherwise. A chat that cannot be used (never talked to the bot, app removed, conversation
 * gone) is found again through Graph: the installation (installed when missing) and its chat, looked
 * up now and not stored. If that chat refuses too, the person has blocked the app: BLOCKED, no retry.
 */
export class ChannelNotifier implements Notifier {
  constructor(private readonly deps: ChannelNotifierDependencies) {}

  async notify(person: Person, message: OutboundMessage): Promise<Channel> {
    if (this.deps.channel === 'feed') return this.viaFeed(person, message);
    const known = await this.deps.references.get(person);
    if (!known) {
      if (this.deps.channel === 'auto' && this.deps.feed) return this.viaFeed(person, message);
      return this.viaInstallation(person, message, 'no conversation reference');
    }
    try {
      await this.deps.chat.sendToReference(person, known.reference, message.card);
      return 'chat';
    } catch (error) {
      if (!(error instanceof DeliveryError) || error.code !== 'NO_CONVERSATION') throw error;
      return this.viaInstallation(person, message, error.detail);
    }
  }

  private async viaInstallation(person: Person, message: OutboundMessage, why: string): Promise<Channel> {
    if (!this.deps.installations) throw new DeliveryError('NO_CONVERSATION', `${why}; Graph is off, so the chat cannot be found`);
    this.deps.log.info({ why }, 'chat not usable: finding the personal chat through the app installation');
    const chatId = await this.deps.installations.personalChatId(person);
    try {
      await this.deps.chat.sendToChat(person, chatId, message.card);
      return 'chat';
    } catch (error) {
      if (error instanceof DeliveryError && error.code === 'NO_CONVERSATION') {
        throw new DeliveryError('BLOCKED', `the person's chat with the app refuses messages (${error.detail}): they blocked the app`);
      }
      throw error;
    }
  }

  private async viaFeed(person: Person, message: OutboundMessage): Promise<Channel> {
    const feed = this.deps.feed;
    if (!feed) throw new DeliveryError('REJECTED', 'NOTIFY_CHANNEL=feed needs Graph: set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID');
    try {
      await feed.send(person, message.kind, message.feed);
    } catch (error) {
      // The feed only reaches people who have the app: install it once, then try again.
      if (!(error instanceof DeliveryError) || error.code !== 'NO_CONVERSATION' || !this.deps.installations) throw error;
      await this.deps.installations.ensureInstalled(person);
      await feed.send(person, message.kind, message.feed).catch((retryError: unknown) => {
        if (retryError instanceof DeliveryError && retryError.code === 'NO_CONVERSATION') throw new DeliveryError('REJECTED', retryError.detail);
        throw retryError;
      });
    }
    return 'feed';
  }
}
