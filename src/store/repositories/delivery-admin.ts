import type { QueueInspector, QueueRow, QueueSummary, QueueView } from '../../domain/delivery-ports';
import type { StoreCollection } from '../collection';
import { NO_LEASE, type DeliveryDocument } from './delivery-queue';

/** The operator's view of the delivery queue (`npm run admin -- queue`). */
export class DeliveryQueueAdmin implements QueueInspector {
  constructor(private readonly deliveries: StoreCollection<DeliveryDocument>) {}

  async summary(now: Date): Promise<QueueSummary> {
    const [pendingDue, pendingLater, failing, dead, done] = await Promise.all([
      this.deliveries.countDocuments({ status: 'pending', dueAt: { $lte: now } }),
      this.deliveries.countDocuments({ status: 'pending', dueAt: { $gt: now } }),
      this.deliveries.countDocuments({ status: 'pending', lastError: { $exists: true } }),
      this.deliveries.countDocuments({ status: 'dead' }),
      this.deliveries.countDocuments({ status: 'done' }),
    ]);
    return { pendingDue, pendingLater, failing, dead, done };
  }

  async list(view: QueueView, now: Date, limit = 50): Promise<QueueRow[]> {
    const filter = view === 'dead' ? { status: 'dead' as const }
      : view === 'failing' ? { status: 'pending' as const, lastError: { $exists: true } }
        : { status: 'pending' as const };
    const docs = await this.deliveries.find(filter, { sort: { dueAt: 1 }, limit }).toArray();
    return docs.map((doc) => ({
      ref: doc.ref,
      kind: doc.payload.kind,
      sessionId: 'sessionId' in doc.payload ? doc.payload.sessionId : undefined,
      dueAt: doc.dueAt,
      attempts: doc.attempts,
      throttled: doc.throttled ?? 0,
      lastError: doc.lastError,
      leased: doc.leaseUntil.getTime() > now.getTime(),
    }));
  }

  /** Puts dead items back in the queue, due now, with fresh attempts; one by `ref`, or all. */
  async retryDead(now: Date, ref?: string): Promise<number> {
    const result = await this.deliveries.updateMany(
      { status: 'dead', ...(ref ? { ref } : {}) },
      { $set: { status: 'pending', dueAt: now, attempts: 0, leaseUntil: NO_LEASE, claim: null }, $unset: { doneAt: '' } },
    );
    return result.modifiedCount;
  }
}
