import type { Person } from '../domain/people';
import type { Clock, ConversationReferenceRepository, Log } from '../domain/ports';

/**
 * An unchanged reference is not rewritten for this long. The memory is per instance: after an erasure
 * done by another instance, the reference is written again at the latest after this window.
 */
const REWRITE_AFTER_MS = 10 * 60_000;
const MAX_REMEMBERED = 50_000;

/**
 * Keeps what the app needs to reach each person later: the reference of their personal chat with
 * the bot (ids only). Unchanged references are not rewritten, so a chatty person costs few writes.
 */
export class PeopleService {
  private readonly lastSaved = new Map<string, { fingerprint: string; at: number }>();

  constructor(private readonly deps: { conversationReferences: ConversationReferenceRepository; clock: Clock; log: Log }) {}

  async rememberConversation(person: Person, reference: Readonly<Record<string, unknown>>): Promise<void> {
    const key = `${person.tenantId}/${person.userId}`;
    const fingerprint = JSON.stringify(reference);
    const now = this.deps.clock.now();
    const saved = this.lastSaved.get(key);
    if (saved?.fingerprint === fingerprint && now.getTime() - saved.at < REWRITE_AFTER_MS) return;
    await this.deps.conversationReferences.save({ ...person, reference, updatedAt: now });
    if (this.lastSaved.size >= MAX_REMEMBERED) this.lastSaved.clear();
    this.lastSaved.set(key, { fingerprint, at: now.getTime() });
    this.deps.log.debug({ event: 'conversation-reference-saved' }, 'conversation reference saved');
  }

  /** Forgets the in-memory copy after an erasure, so the person's next message writes their reference again. */
  forgetCached(person: Person): void {
    this.lastSaved.delete(`${person.tenantId}/${person.userId}`);
  }
}
