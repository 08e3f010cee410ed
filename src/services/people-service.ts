import type { Person } from '../domain/people';
import type { Clock, ConversationReferenceRepository, Log } from '../domain/ports';

/**
 * Keeps what the app needs to reach each person later: the reference of their personal chat with
 * the bot (ids only). Unchanged references are not rewritten, so a chatty person costs no writes.
 */
export class PeopleService {
  private readonly lastSaved = new Map<string, string>();

  constructor(private readonly deps: { conversationReferences: ConversationReferenceRepository; clock: Clock; log: Log }) {}

  async rememberConversation(person: Person, reference: Readonly<Record<string, unknown>>): Promise<void> {
    const key = `${person.tenantId}/${person.userId}`;
    const fingerprint = JSON.stringify(reference);
    if (this.lastSaved.get(key) === fingerprint) return;
    await this.deps.conversationReferences.save({ ...person, reference, updatedAt: this.deps.clock.now() });
    this.lastSaved.set(key, fingerprint);
    this.deps.log.debug({ event: 'conversation-reference-saved' }, 'conversation reference saved');
  }

  /** Forgets the in-memory copy too, so an erased person's reference is not assumed present. */
  async forgetConversation(person: Person): Promise<void> {
    this.lastSaved.delete(`${person.tenantId}/${person.userId}`);
    await this.deps.conversationReferences.delete(person);
  }
}
