import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import { createForgetResultCard } from '../cards/privacy-cards';
import type { Language } from '../domain/catalog';
import type { ErasureNotifier } from '../domain/privacy-ports';
import { sendCard } from './send';

/** Tells a person in their personal chat that an erasure which waited for the CRM is complete. */
export class BotErasureNotifier implements ErasureNotifier {
  constructor(private readonly adapter: TeamsAdapter, private readonly botAppId: string) {}

  async erasureCompleted(reference: Readonly<Record<string, unknown>>, language: Language): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, async (context) => {
      await sendCard(context, createForgetResultCard('completedLater', language));
    });
  }
}
