/**
 * A thumbnail card: what a search result looks like in the compose-box list. Teams accepts only
 * hero or thumbnail cards as previews of Adaptive Card results (facts §1.3).
 */
export interface PreviewCard {
  readonly title: string;
  readonly subtitle?: string;
  readonly text?: string;
}
