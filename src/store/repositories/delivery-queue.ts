import { createHash, randomUUID } from 'node:crypto';
import type { ClaimedNotice } from '../../domain/delivery';
import type { DeliveryQueue } from '../../domain/delivery-ports';
import { PRIVACY_JOB_KINDS, type Notice, type NoticePayload } from '../../domain/notices';
import type { Person } from '../../domain/people';
import type { StoreCollection } from '../collection';
import { isDuplicateKeyError } from '../collection';

export type DeliveryStatus = 'pending' | 'done' | 'dead';

/** `leaseUntil` of an item nobody holds: every claim filter is then one range test, on both engines. */
export const NO_LEASE = new Date(0);

/**
 * One queued delivery. `_id` is the notice key: the unique `_id` is what makes enqueueing idempotent
 * on both engines, with no read-then-write race. Delivered items stay (status `done`) so that the
 * same key is never queued, hence never sent, again.
 */
export interface DeliveryDocument {
  _id: string;
  /** Short opaque reference for operators (a hash of the key): lists show it instead of ids of people. */
  ref: string;
  userId: string;
  tenantId: string;
  payload: NoticePayload;
  dueAt: Date;
  status: DeliveryStatus;
  attempts: number;
  /** Times the service asked us to slow down (429); not failures, kept for the operator's view. */
  throttled?: number;
  lastError?: string;
  /** Until when an instance holds the item; a crashed instance's lease simply runs out. */
  leaseUntil: Date;
  /** The claim (one per batch) holding the lease; state changes must present it. */
  claim?: string | null;
  outcome?: 'sent' | 'skipped';
  doneAt?: Date;
  createdAt: Date;
}

export function deliveryRef(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export class StoreDeliveryQueue implements DeliveryQueue {
  constructor(private readonly deliveries: StoreCollection<DeliveryDocument>, private readonly now: () => Date) {}

  async enqueue(notice: Notice): Promise<boolean> {
    try {
      await this.deliveries.insertOne({
        _id: notice.key,
        ref: deliveryRef(notice.key),
        userId: notice.person.userId,
        tenantId: notice.person.tenantId,
        payload: notice.payload,
        dueAt: notice.dueAt,
        status: 'pending',
        attempts: 0,
        leaseUntil: NO_LEASE,
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

  /**
   * Three steps, each safe with any number of instances: pick candidates, lease them with one
   * conditional update (each document's update is atomic and repeats the "still claimable" test, so
   * an item another instance leased in between is not matched), then read back what this claim got.
   * Batching keeps a drain of thousands of items at a few store round trips per hundred deliveries.
   */
  async claimDue(owner: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotice[]> {
    const claimed: ClaimedNotice[] = [];
    // Instances racing for the same candidates: the loser tries again (a few rounds) rather than idle.
    for (let round = 0; round < 3 && claimed.length < limit; round += 1) {
      const { got, lost } = await this.claimRound(owner, now, limit - claimed.length, leaseMs);
      claimed.push(...got);
      if (lost === 0) break;
    }
    return claimed;
  }

  private async claimRound(owner: string, now: Date, limit: number, leaseMs: number): Promise<{ got: ClaimedNotice[]; lost: number }> {
    // Privacy jobs share the queue but belong to the privacy worker (see PRIVACY_JOB_KINDS).
    const claimable = { status: 'pending' as const, dueAt: { $lte: now }, leaseUntil: { $lte: now }, 'payload.kind': { $nin: [...PRIVACY_JOB_KINDS] } };
    const candidates = await this.deliveries.find(claimable, { sort: { dueAt: 1 }, limit, projection: { _id: 1 } }).toArray();
    if (candidates.length === 0) return { got: [], lost: 0 };
    const ids = candidates.map((doc) => doc._id);
    const claim = `${owner}:${randomUUID()}`;
    await this.deliveries.updateMany(
      { _id: { $in: ids }, ...claimable },
      { $set: { leaseUntil: new Date(now.getTime() + leaseMs), claim }, $inc: { attempts: 1 } },
    );
    const docs = await this.deliveries.find({ claim, _id: { $in: ids } }, { sort: { dueAt: 1 } }).toArray();
    const got = docs.map((doc) => ({
      key: doc._id,
      person: { userId: doc.userId, tenantId: doc.tenantId },
      payload: doc.payload,
      dueAt: doc.dueAt,
      attempts: doc.attempts,
      claim,
    }));
    return { got, lost: ids.length - got.length };
  }

  async complete(item: ClaimedNotice, now: Date, outcome: 'sent' | 'skipped'): Promise<boolean> {
    return this.transition(item, { status: 'done', outcome, doneAt: now, leaseUntil: NO_LEASE, claim: null });
  }

  async retryLater(item: ClaimedNotice, dueAt: Date, error: string, countsAsAttempt: boolean): Promise<boolean> {
    const result = await this.deliveries.updateOne(
      { _id: item.key, claim: item.claim, status: 'pending' },
      {
        $set: { dueAt, lastError: error.slice(0, 300), leaseUntil: NO_LEASE, claim: null },
        ...(countsAsAttempt ? {} : { $inc: { attempts: -1, throttled: 1 } }),
      },
    );
    return result.matchedCount === 1;
  }

  async deadLetter(item: ClaimedNotice, reason: string, now: Date): Promise<boolean> {
    return this.transition(item, { status: 'dead', lastError: reason.slice(0, 300), doneAt: now, leaseUntil: NO_LEASE, claim: null });
  }

  private async transition(item: ClaimedNotice, set: Partial<DeliveryDocument>): Promise<boolean> {
    const result = await this.deliveries.updateOne({ _id: item.key, claim: item.claim, status: 'pending' }, { $set: set });
    return result.matchedCount === 1;
  }
}

/** Key prefixes are ours, but escaping keeps any id character from acting as a pattern. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
