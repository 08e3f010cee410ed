import { backoff } from '../domain/delivery';
import { PRIVACY_JOB_KINDS } from '../domain/notices';
import type { Clock, Log } from '../domain/ports';
import type { ClaimedDelivery, DeliveryJobs } from '../domain/privacy-ports';
import type { PersonSyncService } from './person-sync-service';
import type { PrivacyService } from './privacy-service';

const LEASE_MS = 60_000;
/** Privacy work is never given up: it backs off from a minute up to an hour between attempts. */
const PRIVACY_RETRY = { baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

/**
 * Runs the privacy kinds of the delivery queue: `crm.sync` (a contact update that failed) and
 * `privacy.erase` (an erasure waiting for the CRM). A failure pushes the item back with exponential
 * backoff and jitter; nothing is ever dropped. Any number of instances may run one.
 */
export class PrivacyWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: { jobs: DeliveryJobs; privacy: PrivacyService; personSync: PersonSyncService; clock: Clock; log: Log; random?: () => number },
  ) {}

  /** Runs every due item once; resolves how many were claimed. */
  async runDue(limit = 100): Promise<number> {
    let claimed = 0;
    for (; claimed < limit; claimed += 1) {
      const job = await this.deps.jobs.claimDue(PRIVACY_JOB_KINDS, this.deps.clock.now(), LEASE_MS);
      if (!job) break;
      await this.handleOrRetry(job);
    }
    return claimed;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running ??= this.runDue()
        .catch((error: unknown) => {
          this.deps.log.error({ err: error }, 'privacy worker pass failed');
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Does one claimed `crm.sync` or `privacy.erase` item and deletes it; throws to have it retried. */
  async handle(job: ClaimedDelivery): Promise<void> {
    if (job.payload.kind === 'privacy.erase') await this.deps.privacy.resumeErasure(job);
    else if (job.payload.kind === 'crm.sync') {
      await this.deps.personSync.retryCrmSync(job.person);
      await this.deps.jobs.complete(job.key);
    } else throw new Error(`The privacy worker does not handle ${job.payload.kind}`);
    this.deps.log.info({ kind: job.payload.kind, attempts: job.attempts }, 'queued privacy work done');
  }

  private async handleOrRetry(job: ClaimedDelivery): Promise<void> {
    try {
      await this.handle(job);
    } catch (error) {
      const delay = backoff(job.attempts, PRIVACY_RETRY, (this.deps.random ?? Math.random)());
      const dueAt = new Date(this.deps.clock.now().getTime() + delay);
      this.deps.log.warn({ err: error, kind: job.payload.kind, attempts: job.attempts }, 'queued privacy work failed; retrying later');
      await this.deps.jobs.retryLater(job.key, dueAt, error instanceof Error ? error.name : 'Error');
    }
  }
}
