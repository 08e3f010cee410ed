import { randomUUID } from 'node:crypto';
import type { Language } from '../domain/catalog';
import { noticeKeys } from '../domain/notices';
import type { Person } from '../domain/people';
import type { Clock, Log, NoticeQueue, UserRepository } from '../domain/ports';
import type { PrivacyActor } from '../domain/privacy';
import type { AuditLog, ClaimedDelivery, Crm, DeliveryJobs, ErasureNotifier } from '../domain/privacy-ports';
import type { ErasureRegistry } from './erasure-registry';
import type { ExternalIds } from './external-ids';
import type { PersonSyncService } from './person-sync-service';

/** Everything held about a person, one key per holder. */
export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly person: Person;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ErasureRequest {
  readonly actor: PrivacyActor;
  /** The person's chat reference (ids only), to tell them when an erasure that had to wait completes. */
  readonly reference?: Readonly<Record<string, unknown>>;
  readonly language?: Language;
}

/** `completed`: every trace is gone. `pending`: the app's data is gone; the CRM deletion finishes through the queue. */
export interface ErasureOutcome {
  readonly requestId: string;
  readonly status: 'completed' | 'pending';
}

const ERASE_RETRY_DELAY_MS = 60_000;

export interface PrivacyDependencies {
  readonly registry: ErasureRegistry;
  readonly users: UserRepository;
  readonly crm: Crm | undefined;
  readonly externalIds: ExternalIds;
  readonly queue: NoticeQueue;
  readonly jobs: DeliveryJobs;
  readonly audit: AuditLog;
  readonly personSync: PersonSyncService;
  readonly notifier: ErasureNotifier | undefined;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * The right of access and the right to be forgotten. An erasure is recorded as a queued job before
 * anything is deleted, so a crash or a CRM outage only delays it: the job (holding an opaque CRM id
 * and the chat reference, nothing else) runs again until the CRM contact is gone, then is deleted.
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyDependencies) {}

  async exportData(person: Person): Promise<PersonalDataExport> {
    const data: Record<string, unknown> = {};
    for (const holder of this.deps.registry.list()) data[holder.name] = await holder.exportFor(person);
    return { exportedAt: this.deps.clock.now().toISOString(), person: { userId: person.userId, tenantId: person.tenantId }, data };
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const user = await this.deps.users.findByEmail(email.trim());
    return user ? { userId: user.userId, tenantId: user.tenantId } : undefined;
  }

  /**
   * Erases everything about the person. The `privacy.erase` job is queued first, whatever else is
   * configured: if anything fails part-way (a store error, the CRM down), the worker finishes it later.
   */
  async forget(person: Person, request: ErasureRequest): Promise<ErasureOutcome> {
    const requestId = randomUUID();
    await this.deps.personSync.settle(person); // a CRM create still in flight must not land after the deletion
    const key = noticeKeys.erasure(person);
    const dueAt = new Date(this.deps.clock.now().getTime() + ERASE_RETRY_DELAY_MS);
    const payload = { kind: 'privacy.erase', requestId, actor: request.actor, externalId: this.deps.externalIds.of(person), language: request.language ?? 'en', ...(request.reference ? { reference: request.reference } : {}) } as const;
    await this.deps.queue.enqueue({ key, person, dueAt, payload });
    await this.deps.audit.record({ action: 'erasure.requested', actor: request.actor, requestId, at: this.deps.clock.now() });
    const counts = await this.eraseLocally(person);
    if (this.deps.crm) {
      try {
        await this.deps.crm.deleteContact(this.deps.externalIds.of(person));
      } catch (error) {
        this.deps.log.warn({ err: error, requestId }, 'CRM deletion failed; the erasure will complete through the queue');
        this.deps.registry.notifyErased(person); // what is erased goes from disk now; the job keeps only ids
        return { requestId, status: 'pending' };
      }
    }
    await this.deps.jobs.complete(key);
    this.deps.registry.notifyErased(person); // after the job is gone, so its copy of the ids is purged too
    return this.completed(requestId, request.actor, counts);
  }

  /** The `privacy.erase` job: erases again (anything written meanwhile), deletes the CRM contact, tells the person. */
  async resumeErasure(job: ClaimedDelivery): Promise<void> {
    if (job.payload.kind !== 'privacy.erase') throw new Error(`Not an erasure job: ${job.payload.kind}`);
    const { requestId, actor, externalId, reference, language } = job.payload;
    const counts = await this.eraseLocally(job.person);
    if (this.deps.crm) await this.deps.crm.deleteContact(externalId); // throws: the worker retries later
    await this.completed(requestId, actor, counts);
    if (reference && this.deps.notifier) {
      await this.deps.notifier.erasureCompleted(reference, language).catch((error: unknown) => {
        // The erasure is complete; keeping the reference to try again would keep data about the person.
        this.deps.log.warn({ err: error, requestId }, 'could not tell the person their erasure completed');
      });
    }
    await this.deps.jobs.complete(job.key);
    this.deps.registry.notifyErased(job.person);
  }

  private async eraseLocally(person: Person): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const holder of this.deps.registry.list()) counts[holder.name] = await holder.eraseFor(person);
    this.deps.personSync.forgetCached(person);
    return counts;
  }

  private async completed(requestId: string, actor: PrivacyActor, counts: Record<string, number>): Promise<ErasureOutcome> {
    await this.deps.audit.record({ action: 'erasure.completed', actor, requestId, at: this.deps.clock.now(), counts });
    this.deps.log.info({ requestId, counts }, 'erasure completed');
    return { requestId, status: 'completed' };
  }
}
