import { DeliveryError, decideRetry, type ClaimedNotice, type RetryPolicy } from '../domain/delivery';
import type { DeliveryQueue } from '../domain/delivery-ports';
import type { Clock, Log } from '../domain/ports';

export interface SchedulerOptions {
  /** Names this instance in claims (for operators); any number of instances may share a store. */
  readonly instanceId: string;
  /** How long a claimed item stays with this instance before another may take it (`DELIVERY_LEASE`). */
  readonly leaseMs: number;
  /** How often an idle scheduler looks for due items (`SCHEDULER_POLL`). */
  readonly pollMs: number;
  /** Items in flight at once (`SCHEDULER_CONCURRENCY`); the rate limiter paces them. */
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  /** In [0, 1); the jitter of retries. */
  readonly random?: () => number;
}

export interface SchedulerDependencies {
  readonly queue: DeliveryQueue;
  readonly deliver: (item: ClaimedNotice) => Promise<'sent' | 'skipped'>;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * The loop that drains the persisted queue: claim due items under a lease, deliver each, record the
 * outcome at once (the window in which a crash can cause a second delivery is one send), retry with
 * backoff, dead-letter what cannot go. The only timer is the poll; every promise to a person lives in
 * the store, so a crashed instance loses nothing: its leases run out and another instance carries on.
 */
export class DeliveryScheduler {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | undefined;

  constructor(private readonly deps: SchedulerDependencies, private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, lets in-flight deliveries finish (up to `graceMs`); items not finished keep their lease and are retried. */
  async stop(graceMs = 10_000): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    const deadline = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(this.inFlight), deadline]);
  }

  /** Claims and delivers every item due now, waiting for each (tests, and the admin's one-shot drain). */
  async drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const items = await this.claim(this.options.concurrency);
      if (items.length === 0) return total;
      total += items.length;
      await Promise.all(items.map((item) => this.process(item)));
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      // Claim in batches: wait until half the slots are free (woken as each delivery finishes), so a
      // claim's store round trips are shared by many items instead of paid per item.
      if (free <= 0 || (this.inFlight.size > 0 && free < Math.ceil(this.options.concurrency / 2))) {
        await this.sleep(this.options.pollMs);
        continue;
      }
      let claimed = 0;
      try {
        const items = await this.claim(free);
        claimed = items.length;
        for (const item of items) this.track(this.process(item));
      } catch (error) {
        this.deps.log.error({ err: error }, 'could not claim due notices; trying again');
      }
      // A full batch means more may be due: go again as soon as a slot frees; otherwise poll.
      if (!this.running) break;
      await this.sleep(claimed > 0 && claimed === free ? 0 : this.options.pollMs);
    }
  }

  private claim(limit: number): Promise<ClaimedNotice[]> {
    return this.deps.queue.claimDue(this.options.instanceId, this.deps.clock.now(), limit, this.options.leaseMs);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      this.wake?.();
    });
  }

  private async process(item: ClaimedNotice): Promise<void> {
    let outcome: 'sent' | 'skipped';
    try {
      outcome = await this.deps.deliver(item);
    } catch (error) {
      await this.failed(item, error).catch((recordError: unknown) => {
        this.deps.log.error({ err: recordError }, 'could not record a failed delivery; its lease will expire and it will be retried');
      });
      return;
    }
    // Recording is apart from delivering: a store error here must not count as a failed send.
    try {
      const recorded = await this.deps.queue.complete(item, this.deps.clock.now(), outcome);
      if (!recorded) this.deps.log.warn({ kind: item.payload.kind, attempts: item.attempts }, 'delivered after the lease ran out: another instance may deliver it again');
    } catch (error) {
      this.deps.log.error({ err: error, kind: item.payload.kind, attempts: item.attempts }, 'delivered but not recorded: it may be delivered again when its lease expires');
    }
  }

  private async failed(item: ClaimedNotice, error: unknown): Promise<void> {
    const failure = error instanceof DeliveryError ? error : new DeliveryError('TRANSIENT', `unexpected ${error instanceof Error ? error.name : 'error'}`);
    if (!(error instanceof DeliveryError)) this.deps.log.error({ err: error, kind: item.payload.kind }, 'delivery failed unexpectedly');
    const decision = decideRetry(failure, item.attempts, this.options.retry, (this.options.random ?? Math.random)());
    const now = this.deps.clock.now();
    if (decision.action === 'dead') {
      await this.deps.queue.deadLetter(item, decision.reason, now);
      this.deps.log.warn({ kind: item.payload.kind, attempts: item.attempts, reason: decision.reason }, 'notice dead-lettered');
      return;
    }
    await this.deps.queue.retryLater(item, new Date(now.getTime() + decision.delayMs), `${failure.code}: ${failure.detail}`, decision.countsAsAttempt);
    this.deps.log.info({ kind: item.payload.kind, attempts: item.attempts, code: failure.code, delayMs: decision.delayMs }, 'notice will be retried');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
