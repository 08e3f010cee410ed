import { createForgetResultCard } from '../cards/privacy-cards';
import type { Language } from '../domain/catalog';
import type { ChatSender } from '../domain/delivery-ports';
import type { ErasureNotifier } from '../domain/privacy-ports';

/**
 * Tells a person in their personal chat that an erasure which waited for the CRM is complete, through
 * the same throttled, time-limited sender as every proactive message. The person's records are gone
 * by then: the ids come from the conversation reference the erasure job kept.
 */
export class ChatErasureNotifier implements ErasureNotifier {
  constructor(private readonly chat: ChatSender) {}

  async erasureCompleted(reference: Readonly<Record<string, unknown>>, language: Language): Promise<void> {
    const user = reference.user as { aadObjectId?: unknown; id?: unknown } | undefined;
    const conversation = reference.conversation as { tenantId?: unknown } | undefined;
    const person = { userId: String(user?.aadObjectId ?? user?.id ?? ''), tenantId: String(conversation?.tenantId ?? '') };
    await this.chat.sendToReference(person, reference, createForgetResultCard('completedLater', language));
  }
}
