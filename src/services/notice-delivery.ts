import { createNoticeCard, describeOffset, type NoticeCardView } from '../cards/notice-card';
import { languageOf } from '../cards/render';
import { fill, stringsFor } from '../cards/strings';
import { endsAt, type Language, type Session } from '../domain/catalog';
import { DeliveryError, type ClaimedNotice } from '../domain/delivery';
import type { BookingDirectory, Notifier, OutboundMessage } from '../domain/delivery-ports';
import type { NoticePayload } from '../domain/notices';
import type { Person } from '../domain/people';
import type { Clock, ConversationReferenceRepository, Log, SessionRepository, UserRepository } from '../domain/ports';
import { STARTING_SOON_OFFSET_MS } from '../domain/reminder-schedule';

export interface NoticeDeliveryDependencies {
  readonly sessions: SessionRepository;
  readonly users: UserRepository;
  readonly references: ConversationReferenceRepository;
  readonly bookings: BookingDirectory;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly log: Log;
  /** `PUBLIC_BASE_URL`, for the calendar link. */
  readonly publicBaseUrl: string;
  /** Where an activity-feed notification leads: back to the app in Teams. */
  readonly appLink: string;
}

type SessionPayload = Exclude<NoticePayload, { kind: 'recommendations.digest' }>;

/**
 * Turns one claimed notice into what the person sees and hands it to the Notifier. A notice that no
 * longer applies is skipped, not sent: a reminder for a cancelled session or booking, for a time the
 * session has moved away from, or once the session is over.
 */
/** Rendered cards kept per content: a fan-out to thousands renders each distinct card once. */
const CARD_CACHE_SIZE = 500;

export class NoticeDeliveryService {
  private readonly cards = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(private readonly deps: NoticeDeliveryDependencies) {}

  async deliver(item: ClaimedNotice): Promise<'sent' | 'skipped'> {
    const payload = item.payload;
    if (payload.kind === 'recommendations.digest') {
      throw new DeliveryError('REJECTED', 'no composer for recommendations.digest yet (issue #7 adds it)');
    }
    const session = await this.deps.sessions.get(payload.sessionId);
    const skip = session ? await this.skipReason(item.person, payload, session) : 'session no longer in the catalogue';
    if (skip || !session) {
      this.deps.log.info({ kind: payload.kind, sessionId: payload.sessionId, reason: skip }, 'notice skipped');
      return 'skipped';
    }
    const language = await this.languageOf(item.person);
    const channel = await this.deps.notifier.notify(item.person, this.compose(payload, session, language));
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

  private card(view: NoticeCardView): Readonly<Record<string, unknown>> {
    const key = cardKey(view);
    let card = this.cards.get(key);
    if (!card) {
      card = createNoticeCard(view);
      if (this.cards.size >= CARD_CACHE_SIZE) this.cards.delete(this.cards.keys().next().value!);
      this.cards.set(key, card);
    }
    return card;
  }

  private async languageOf(person: Person): Promise<Language> {
    const user = await this.deps.users.get(person);
    if (user?.preferences.locale) return user.preferences.locale;
    const reference = await this.deps.references.get(person);
    return languageOf(typeof reference?.reference.locale === 'string' ? reference.reference.locale : undefined);
  }

  private compose(payload: SessionPayload, session: Session, language: Language): OutboundMessage {
    const strings = stringsFor(language);
    const values = { title: session.title, when: formatUtc(session.startsAt), in: '' };
    let title: string;
    let text = '';
    let preview: string;
    if (payload.kind === 'session.reminder') {
      values.in = describeOffset(payload.offsetMs, language);
      const soon = payload.offsetMs === STARTING_SOON_OFFSET_MS;
      title = soon ? strings.startingSoonTitle : fill(strings.reminderTitle, values);
      preview = fill(soon ? strings.feedStartingSoon : strings.feedReminder, values);
    } else if (payload.kind === 'session.moved') {
      [title, text, preview] = [strings.movedTitle, fill(strings.movedText, { was: formatUtc(payload.previousStartsAt) }), fill(strings.feedMoved, values)];
    } else if (payload.kind === 'session.cancelled') {
      [title, text, preview] = [strings.cancelledTitle, strings.cancelledText, fill(strings.feedCancelled, values)];
    } else {
      [title, text, preview] = [strings.promotedTitle, strings.promotedText, fill(strings.feedPromoted, values)];
    }
    const cancelled = session.status === 'cancelled';
    const card = this.card({
      language, title, text,
      sessionId: session.id, sessionTitle: session.title, startsAt: session.startsAt,
      // Until the booking issue's signed, tracked join link lands, Join opens the meeting directly.
      joinUrl: cancelled ? '' : session.joinUrl,
      calendarUrl: cancelled ? '' : `${this.deps.publicBaseUrl}/api/sessions/${encodeURIComponent(session.id)}/calendar.ics`,
      showCancel: !cancelled,
    });
    return {
      kind: payload.kind,
      card,
      feed: { previewText: preview, templateParameters: [{ name: 'sessionTitle', value: session.title }], webUrl: this.deps.appLink },
    };
  }
}

/** The card holds nothing personal (same session, same language → same card), so it can be shared. */
function cardKey(view: NoticeCardView): string {
  return JSON.stringify(view);
}

/** The feed cannot format times on the reader's device, so it says UTC plainly. */
function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
