import { cardDateTime } from '../cards/format';
import { createNoticeCard, describeOffset } from '../cards/notice-card';
import { createRecommendationCard, type RecommendationsView } from '../cards/recommendation-card';
import { languageOf } from '../cards/render';
import { fill, stringsFor } from '../cards/strings';
import { endsAt, type Language, type Session } from '../domain/catalog';
import { DeliveryError, type ClaimedNotice } from '../domain/delivery';
import type { BookingDirectory, Notifier, OutboundMessage } from '../domain/delivery-ports';
import { isMessagePayload, type MessagePayload } from '../domain/notices';
import type { Person } from '../domain/people';
import type { Clock, ConversationReferenceRepository, Log, SessionRepository, UserRepository } from '../domain/ports';
import { STARTING_SOON_OFFSET_MS } from '../domain/reminder-schedule';
import type { SessionLinks } from './session-links';

/** Composes a weekly digest for one person (the recommendation service), or undefined when there is nothing worth sending. */
export interface DigestComposer {
  digestFor(person: Person, courseIds: readonly string[], language: Language): Promise<RecommendationsView | undefined>;
  /** Told once the digest went out. */
  digestShown(person: Person, view: RecommendationsView): Promise<void>;
}

export interface NoticeDeliveryDependencies {
  readonly sessions: SessionRepository;
  readonly users: UserRepository;
  readonly references: ConversationReferenceRepository;
  readonly bookings: BookingDirectory;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly log: Log;
  /** The person's own signed Join and calendar links. */
  readonly links: Pick<SessionLinks, 'join' | 'calendar'>;
  readonly digests: DigestComposer;
  /** Where an activity-feed notification leads: back to the app in Teams. */
  readonly appLink: string;
}

type SessionPayload = Exclude<MessagePayload, { kind: 'recommendations.digest' }>;

/**
 * Turns one claimed notice into what the person sees and hands it to the Notifier. A notice that no
 * longer applies is skipped, not sent: a reminder for a cancelled session or booking, for a time the
 * session has moved away from, or once the session is over; a digest with nothing worth recommending.
 */
/** A reminder with less than this share of its offset left is described by the time actually left. */
const LATE_FRACTION = 0.9;

export class NoticeDeliveryService {
  constructor(private readonly deps: NoticeDeliveryDependencies) {}

  async deliver(item: ClaimedNotice): Promise<'sent' | 'skipped'> {
    const payload = item.payload;
    // The queue's claim leaves privacy jobs to the privacy worker; one reaching here is a wiring bug.
    if (!isMessagePayload(payload)) throw new DeliveryError('REJECTED', `${payload.kind} is not a message`);
    if (payload.kind === 'recommendations.digest') return this.deliverDigest(item.person, payload.courseIds, item.attempts);
    const session = await this.deps.sessions.get(payload.sessionId);
    const skip = session ? await this.skipReason(item.person, payload, session) : 'session no longer in the catalogue';
    if (skip || !session) {
      this.deps.log.info({ kind: payload.kind, sessionId: payload.sessionId, reason: skip }, 'notice skipped');
      return 'skipped';
    }
    const language = await this.languageOf(item.person);
    const channel = await this.deps.notifier.notify(item.person, this.compose(item.person, payload, session, language));
    this.deps.log.info({ kind: payload.kind, sessionId: payload.sessionId, channel, attempts: item.attempts }, 'notice delivered');
    return 'sent';
  }

  private async skipReason(person: Person, payload: SessionPayload, session: Session): Promise<string | undefined> {
    const now = this.deps.clock.now();
    if (payload.kind === 'session.cancelled') return undefined;
    if (session.status === 'cancelled') return 'session cancelled';
    if (now.getTime() >= endsAt(session).getTime()) return 'session over';
    if (payload.kind === 'session.reminder') {
      if (payload.startsAt.getTime() !== session.startsAt.getTime()) return 'session moved since this reminder was planned';
      if (!(await this.deps.bookings.isBooked(person, session.id))) return 'booking cancelled';
    }
    if (payload.kind === 'session.moved' && payload.startsAt.getTime() !== session.startsAt.getTime()) return 'session moved again since';
    return undefined;
  }

  private async deliverDigest(person: Person, courseIds: readonly string[], attempts: number): Promise<'sent' | 'skipped'> {
    const language = await this.languageOf(person);
    const view = await this.deps.digests.digestFor(person, courseIds, language);
    if (!view) {
      this.deps.log.info({ kind: 'recommendations.digest', reason: 'nothing worth recommending any more' }, 'notice skipped');
      return 'skipped';
    }
    const first = view.items[0]!;
    const channel = await this.deps.notifier.notify(person, {
      kind: 'recommendations.digest',
      card: createRecommendationCard(view),
      feed: { previewText: first.title, templateParameters: [{ name: 'title', value: first.title }], webUrl: this.deps.appLink },
    });
    this.deps.log.info({ kind: 'recommendations.digest', channel, attempts }, 'notice delivered');
    await this.deps.digests.digestShown(person, view).catch((error: unknown) => {
      // The digest is delivered; a lost 'shown' record only weakens what recommendations learn from it.
      this.deps.log.error({ err: error }, 'could not record what a digest showed');
    });
    return 'sent';
  }

  private async languageOf(person: Person): Promise<Language> {
    const user = await this.deps.users.get(person);
    if (user?.preferences.locale) return user.preferences.locale;
    const reference = await this.deps.references.get(person);
    return languageOf(typeof reference?.reference.locale === 'string' ? reference.reference.locale : undefined);
  }

  private compose(person: Person, payload: SessionPayload, session: Session, language: Language): OutboundMessage {
    const strings = stringsFor(language);
    const values = { title: session.title, when: formatUtc(session.startsAt), in: '' };
    let title: string;
    let text = '';
    let preview: string;
    if (payload.kind === 'session.reminder') {
      // A reminder that goes out late (the app was down) says the time really left, not the planned offset.
      const left = session.startsAt.getTime() - this.deps.clock.now().getTime();
      values.in = describeOffset(left < payload.offsetMs * LATE_FRACTION ? left : payload.offsetMs, language);
      const soon = payload.offsetMs === STARTING_SOON_OFFSET_MS;
      title = soon ? strings.startingSoonTitle : fill(strings.reminderTitle, values);
      preview = fill(soon ? strings.feedStartingSoon : strings.feedReminder, values);
    } else if (payload.kind === 'session.moved') {
      // In the card, the reader's client formats the time in their own zone; the feed text can only say UTC.
      [title, text, preview] = [strings.movedTitle, fill(strings.movedText, { was: cardDateTime(payload.previousStartsAt) }), fill(strings.feedMoved, values)];
    } else if (payload.kind === 'session.cancelled') {
      [title, text, preview] = [strings.cancelledTitle, strings.cancelledText, fill(strings.feedCancelled, values)];
    } else {
      [title, text, preview] = [strings.promotedTitle, strings.promotedText, fill(strings.feedPromoted, values)];
    }
    const cancelled = session.status === 'cancelled';
    // The person's own signed links: Join records their attendance, the calendar file holds their Join link.
    const card = createNoticeCard({
      language, title, text,
      sessionId: session.id, sessionTitle: session.title, startsAt: session.startsAt,
      joinUrl: cancelled ? '' : this.deps.links.join(person, session),
      calendarUrl: cancelled ? '' : this.deps.links.calendar(person, session),
      showCancel: !cancelled,
    });
    return {
      kind: payload.kind,
      card,
      // `title` is the parameter the manifest's activity templates use ("Reminder: {title} starts soon").
      feed: { previewText: preview, templateParameters: [{ name: 'title', value: session.title }], webUrl: this.deps.appLink },
    };
  }
}

/** The feed cannot format times on the reader's device, so it says UTC plainly. */
function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
