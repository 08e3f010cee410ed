import type { Notice, NoticePayload } from '../../domain/notices';
import type { Person } from '../../domain/people';
import type { NoticeQueue } from '../../domain/ports';
import type { StoreCollection } from '../collection';
import { isDuplicateKeyError } from '../collection';

export type DeliveryStatus = 'pending' | 'done' | 'dead';

/**
 * One queued delivery. `_id` is the notice key: the unique `_id` is what makes enqueueing idempotent
 * on both engines, with no read-then-write race.
 */
export interface DeliveryDocument {
  _id: string;
  userId: string;
  tenantId: string;
  payload: NoticePayload;
  dueAt: Date;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  /** Until when an instance holds the item; a crashed instance's lease simply runs out. */
  leaseUntil?: Date;
  createdAt: Date;
}

export class StoreDeliveryQueue implements NoticeQueue {
  constructor(private readonly deliveries: StoreCollection<DeliveryDocument>, private readonly now: () => Date) {}

  async enqueue(notice: Notice): Promise<boolean> {
    try {
      await this.deliveries.insertOne({
        _id: notice.key,
        userId: notice.person.userId,
        tenantId: notice.person.tenantId,
        payload: notice.payload,
        dueAt: notice.dueAt,
        status: 'pending',
        attempts: 0,
        createdAt: this.now(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async cancelPending(person: Person, keyPrefix: string): Promise<number> {
    const result = await this.deliveries.deleteMany({
      userId: person.userId,
      tenantId: person.tenantId,
      status: 'pending',
      _id: { $regex: `^${escapeRegex(keyPrefix)}` },
    });
    return result.deletedCount;
  }
}

/** Key prefixes are ours, but escaping keeps any id character from acting as a pattern. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
