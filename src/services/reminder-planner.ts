import type { Session, SessionChange } from '../domain/catalog';
import type { BookingDirectory } from '../domain/delivery-ports';
import { noticeKeys, type Notice } from '../domain/notices';
import type { Person } from '../domain/people';
import type { Clock, Log, NoticeQueue, SessionRepository, UserRepository } from '../domain/ports';
import { effectiveOffsets, planReminders } from '../domain/reminder-schedule';

/**
 * What the booking service tells the reminders when a booking changes (issue #5 calls these; see
 * the report for the wiring). Each is idempotent: calling twice queues nothing twice.
 */
export interface BookingEvents {
  /** A seat was confirmed (booking, or a waitlist promotion after `waitlistPromoted`). */
  bookingConfirmed(person: Person, session: Session): Promise<void>;
  /** The person cancelled their seat (or left the waitlist): their pending reminders go. */
  bookingCancelled(person: Person, sessionId: string): Promise<void>;
  /** A freed seat went to the first person on the waitlist: tell them, and plan their reminders. */
  waitlistPromoted(person: Person, session: Session, promotedAt: Date): Promise<void>;
}

export interface ReminderPlannerDependencies {
  readonly queue: NoticeQueue;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly bookings: BookingDirectory;
  /** `REMINDER_OFFSETS`, for people who chose nothing. */
  readonly defaultOffsetsMs: readonly number[];
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * Plans reminders and change notices into the persisted queue. Nothing is held in memory: every
 * promise made to a person is a queue item with a key, so a restart loses nothing and a repeated
 * call adds nothing.
 */
export class ReminderPlanner implements BookingEvents {
  constructor(private readonly deps: ReminderPlannerDependencies) {}

  async bookingConfirmed(person: Person, session: Session): Promise<void> {
    const offsets = effectiveOffsets((await this.deps.users.get(person))?.preferences.reminderOffsetsMs, this.deps.defaultOffsetsMs);
    const planned = planReminders(session.startsAt, this.deps.clock.now(), offsets);
    for (const { offsetMs, dueAt } of planned) {
      await this.deps.queue.enqueue({
        key: noticeKeys.reminder(person, session.id, session.startsAt, offsetMs),
        person,
        dueAt,
        payload: { kind: 'session.reminder', sessionId: session.id, offsetMs, startsAt: session.startsAt },
      });
    }
  }

  async bookingCancelled(person: Person, sessionId: string): Promise<void> {
    await this.deps.queue.cancelPending(person, noticeKeys.reminderPrefix(sessionId));
  }

  async waitlistPromoted(person: Person, session: Session, promotedAt: Date): Promise<void> {
    await this.deps.queue.enqueue({
      key: noticeKeys.promotion(person, session.id, promotedAt),
      person,
      dueAt: this.deps.clock.now(),
      payload: { kind: 'waitlist.promoted', sessionId: session.id },
    });
    await this.bookingConfirmed(person, session);
  }

  /** Catalogue imports that move or cancel sessions: everyone booked or waitlisted hears, reminders follow. */
  async sessionsChanged(changes: readonly SessionChange[]): Promise<void> {
    for (const change of changes) {
      const { booked, waitlisted } = await this.deps.bookings.audienceOf(change.sessionId);
      const session = change.kind === 'moved' ? await this.deps.sessions.get(change.sessionId) : undefined;
      for (const person of [...booked, ...waitlisted]) await this.deps.queue.enqueue(this.changeNotice(person, change));
      for (const person of booked) {
        await this.bookingCancelled(person, change.sessionId);
        if (session) await this.bookingConfirmed(person, session);
      }
      this.deps.log.info({ sessionId: change.sessionId, change: change.kind, booked: booked.length, waitlisted: waitlisted.length }, 'session change queued for its audience');
    }
  }

  /** New reminder settings apply to reminders still to come: re-plan the person's upcoming bookings. */
  async preferencesChanged(person: Person): Promise<void> {
    const sessionIds = await this.deps.bookings.upcomingSessionIdsOf(person, this.deps.clock.now());
    for (const session of await this.deps.sessions.getMany(sessionIds)) {
      await this.bookingCancelled(person, session.id);
      if (session.status !== 'cancelled') await this.bookingConfirmed(person, session);
    }
  }

  private changeNotice(person: Person, change: SessionChange): Notice {
    const now = this.deps.clock.now();
    if (change.kind === 'cancelled') {
      return { key: noticeKeys.sessionChange(person, change.sessionId, 'cancelled'), person, dueAt: now, payload: { kind: 'session.cancelled', sessionId: change.sessionId } };
    }
    return {
      key: noticeKeys.sessionChange(person, change.sessionId, `moved-${change.startsAt.getTime()}`),
      person,
      dueAt: now,
      payload: { kind: 'session.moved', sessionId: change.sessionId, previousStartsAt: change.previousStartsAt, startsAt: change.startsAt },
    };
  }
}
