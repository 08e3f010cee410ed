import type { MessagingExtensionAttachment, MessagingExtensionResult } from 'botbuilder';
import type { PreviewCard } from '../cards/preview';
import type { AdaptiveCard } from '../cards/render';

export interface SearchItem {
  readonly card: AdaptiveCard;
  readonly preview: PreviewCard;
}

/**
 * The `composeExtension` result Teams expects (facts §1.3): a list of Adaptive Cards, each with the
 * thumbnail preview Teams requires for Adaptive Card results.
 */
export function searchResult(items: readonly SearchItem[]): MessagingExtensionResult {
  return { type: 'result', attachmentLayout: 'list', attachments: items.map(toAttachment) };
}

function toAttachment(item: SearchItem): MessagingExtensionAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: item.card,
    preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { ...item.preview } },
  };
}
