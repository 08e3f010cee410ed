import type { NoticeKind } from '../../domain/notices';
import type { ClaimedDelivery, DeliveryJobs } from '../../domain/privacy-ports';
import type { StoreCollection } from '../collection';
import { NO_LEASE, type DeliveryDocument } from './delivery-queue';

/**
 * Claims due deliveries of given kinds from the shared delivery queue. One conditional
 * findOneAndUpdate takes the lease, so any number of instances can run workers; a crashed instance's
 * lease runs out and the item is claimed again. Done items are deleted: a finished erasure job must
 * leave nothing about the person behind. `leaseUntil` follows the queue's convention (NO_LEASE when
 * free), so the claim filter is one range test and the operator's view reads every item alike.
 */
export class StoreDeliveryJobs implements DeliveryJobs {
  constructor(private readonly deliveries: StoreCollection<DeliveryDocument>) {}

  async claimDue(kinds: readonly NoticeKind[], now: Date, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const doc = await this.deliveries.findOneAndUpdate(
      {
        status: 'pending',
        'payload.kind': { $in: [...kinds] },
        dueAt: { $lte: now },
        leaseUntil: { $lte: now },
      },
      { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
      { sort: { dueAt: 1 }, returnDocument: 'after' },
    );
    return doc ? { key: doc._id, person: { userId: doc.userId, tenantId: doc.tenantId }, payload: doc.payload, attempts: doc.attempts } : undefined;
  }

  async complete(key: string): Promise<void> {
    await this.deliveries.deleteOne({ _id: key });
  }

  async retryLater(key: string, dueAt: Date, reason: string): Promise<void> {
    // NO_LEASE, never unset: the queue's claim filter and the admin view read `leaseUntil` as a Date.
    await this.deliveries.updateOne({ _id: key }, { $set: { dueAt, lastError: reason.slice(0, 200), leaseUntil: NO_LEASE } });
  }
}
