import type { Language } from '../domain/catalog';
import { noticeKeys } from '../domain/notices';
import type { Person } from '../domain/people';
import type { Clock, Log, NoticeQueue, UserRepository } from '../domain/ports';
import { crmContactFrom, type DirectoryProfile, isEmailAddress, localPlaceholderEmail } from '../domain/privacy';
import type { Crm, Directory } from '../domain/privacy-ports';
import type { ExternalIds } from './external-ids';

/** A person seen within this window is not looked up again (one directory call per person per window). */
const SEEN_WINDOW_MS = 10 * 60_000;
/** Bound on the in-memory "seen recently" map (a few MB at most). */
const MAX_REMEMBERED = 50_000;
/** First retry of a failed CRM sync; the worker backs off from there. */
const CRM_RETRY_DELAY_MS = 60_000;

export interface PersonSyncDependencies {
  readonly users: UserRepository;
  /**
   * Where e-mails come from: the directory (BOT_ID set: Graph is the only source), or, in local mode,
   * the activity (Agents Playground offers one) or a clear placeholder.
   */
  readonly emailSource: 'directory' | 'activity';
  /** Graph; unset in local mode (and until the Graph client is wired, when no e-mail is known). */
  readonly directory: Directory | undefined;
  /** Intercom; undefined when INTERCOM_TOKEN is unset (sync off). */
  readonly crm: Crm | undefined;
  readonly externalIds: ExternalIds;
  readonly queue: NoticeQueue;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * Keeps each person's record (object id, tenant, e-mail) and their CRM contact current as they use
 * the app. The CRM call runs in the background and a failure goes to the delivery queue: the person's
 * action never waits for Intercom nor fails because of it.
 */
export class PersonSyncService {
  private readonly recentlySeen = new Map<string, number>();
  /** The language last written per person, so a chatty person costs no write until it changes. */
  private readonly languages = new Map<string, Language>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: PersonSyncDependencies) {}

  /** On every activity that names a person; `offeredEmail` is what the activity carries (local mode only). */
  /**
   * Records a person on sight. `language` is their Teams client's language: kept as their preference,
   * so what the app sends them unprompted (reminders, digests) speaks it too.
   */
  async seen(person: Person, offeredEmail?: unknown, language?: Language): Promise<void> {
    const key = keyOf(person);
    const now = this.deps.clock.now();
    if ((this.recentlySeen.get(key) ?? -Infinity) > now.getTime() - SEEN_WINDOW_MS) return this.keepLanguage(person, undefined, language);
    if (this.recentlySeen.size >= MAX_REMEMBERED) this.pruneSeen(now.getTime());
    this.recentlySeen.set(key, now.getTime());
    const profile = await this.lookUp(person);
    if (this.deps.emailSource === 'directory' && !profile?.mail) {
      // Unknown to the directory, or it failed: record the person, but never overwrite an e-mail with nothing.
      const { user } = await this.deps.users.upsertSeen(person, undefined, now, language ? { locale: language } : {});
      await this.keepLanguage(person, user.preferences.locale, language);
      if (!profile) this.recentlySeen.delete(key);
      return;
    }
    const email = profile?.mail ?? (isEmailAddress(offeredEmail) ? offeredEmail : localPlaceholderEmail(person));
    // (In directory mode `profile.mail` is set here; the activity is only believed in local mode.)
    const { user, created, emailChanged } = await this.deps.users.upsertSeen(person, email, now, language ? { locale: language } : {});
    await this.keepLanguage(person, user.preferences.locale, language);
    if (created || emailChanged) this.inBackground(person, () => this.pushToCrm(person, email, profile));
  }

  /** Writes the person's language when it differs from what is known of it (the store's, or the last one written). */
  private async keepLanguage(person: Person, stored: Language | undefined, language: Language | undefined): Promise<void> {
    const key = keyOf(person);
    const known = this.languages.get(key) ?? stored;
    if (!language || language === known) return;
    await this.deps.users.updatePreferences(person, { locale: language });
    if (this.languages.size >= MAX_REMEMBERED) this.languages.clear();
    this.languages.set(key, language);
  }

  /** The `crm.sync` job: sends the person's current e-mail and names again. Throws to be retried. */
  async retryCrmSync(person: Person): Promise<void> {
    const user = await this.deps.users.get(person);
    if (!this.deps.crm || !user?.email) return; // forgotten meanwhile, or sync turned off: nothing to send
    const profile = this.deps.directory ? await this.deps.directory.profile(person) : undefined;
    await this.deps.crm.upsertContact(crmContactFrom(this.deps.externalIds.of(person), user.email, profile));
  }

  /** Waits for the person's background CRM work and forgets them in memory (before an erasure). */
  async settle(person: Person): Promise<void> {
    this.forgetCached(person);
    await this.inFlight.get(keyOf(person));
  }

  /** Waits for every background CRM call (shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all(this.inFlight.values());
  }

  /** Forgets what this instance remembers of the person, so a returning person is recorded afresh. */
  forgetCached(person: Person): void {
    this.recentlySeen.delete(keyOf(person));
    this.languages.delete(keyOf(person));
  }

  private pruneSeen(now: number): void {
    for (const [key, seenAt] of this.recentlySeen) if (seenAt <= now - SEEN_WINDOW_MS) this.recentlySeen.delete(key);
    if (this.recentlySeen.size >= MAX_REMEMBERED) this.recentlySeen.clear(); // a burst of new people: start over
  }

  private async lookUp(person: Person): Promise<DirectoryProfile | undefined> {
    if (!this.deps.directory) return undefined;
    try {
      return await this.deps.directory.profile(person);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'directory lookup failed; the e-mail will be read on a later activity');
      return undefined;
    }
  }

  private async pushToCrm(person: Person, email: string, profile: DirectoryProfile | undefined): Promise<void> {
    if (!this.deps.crm) return;
    try {
      await this.deps.crm.upsertContact(crmContactFrom(this.deps.externalIds.of(person), email, profile));
      this.deps.log.info({ event: 'crm-contact-synced' }, 'CRM contact created or updated');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'CRM sync failed; queued for retry');
      const dueAt = new Date(this.deps.clock.now().getTime() + CRM_RETRY_DELAY_MS);
      await this.deps.queue.enqueue({ key: noticeKeys.crmSync(person), person, dueAt, payload: { kind: 'crm.sync' } });
    }
  }

  private inBackground(person: Person, work: () => Promise<void>): void {
    const key = keyOf(person);
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous
      .then(work)
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'background CRM work failed'))
      .finally(() => {
        if (this.inFlight.get(key) === next) this.inFlight.delete(key);
      });
    this.inFlight.set(key, next);
  }
}

function keyOf(person: Person): string {
  return `${person.tenantId}/${person.userId}`;
}
