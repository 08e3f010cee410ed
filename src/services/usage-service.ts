import type { Clock, CourseRepository, Log, RoomRepository, SessionRepository, UsageAggregateRepository, UsageRecorder, UsageRepository } from '../domain/ports';
import { SIGNAL_OF_KIND } from '../domain/recommendation/signals';
import type { ItemType, UsageRecord } from '../domain/usage';

/** A usage record as capabilities hand it in; `at` defaults to now. */
export type UsageEvent = Omit<UsageRecord, 'at'> & { readonly at?: Date };

/**
 * The one way usage is recorded, for every capability (tracked links, join redirect, booking,
 * recommendations): the raw record, then the aggregates recommendations read, so that no request
 * ever scans raw records. `forget` erases both.
 */
export class UsageService implements UsageRecorder {
  constructor(
    private readonly deps: {
      usage: UsageRepository;
      aggregates: UsageAggregateRepository;
      sessions: SessionRepository;
      courses: CourseRepository;
      rooms: RoomRepository;
      clock: Clock;
      log: Log;
    },
  ) {}

  async record(event: UsageEvent): Promise<void> {
    const record: UsageRecord = { userId: event.userId, tenantId: event.tenantId, kind: event.kind, itemType: event.itemType, itemId: event.itemId, at: event.at ?? this.deps.clock.now() };
    // The raw record first: it is the source of truth, and what "export my data" shows.
    await this.deps.usage.record(record);
    if (!SIGNAL_OF_KIND[record.kind]) return;
    try {
      await this.deps.aggregates.apply(record, await this.topicsOf(record.itemType, record.itemId));
    } catch (error) {
      this.deps.log.error({ err: error, kind: record.kind, itemType: record.itemType }, 'usage recorded but the recommendation aggregates were not updated');
      throw error;
    }
  }

  private async topicsOf(itemType: ItemType, itemId: string): Promise<readonly string[]> {
    const item = itemType === 'session' ? await this.deps.sessions.get(itemId) : itemType === 'course' ? await this.deps.courses.get(itemId) : await this.deps.rooms.get(itemId);
    return item?.topics ?? [];
  }
}
