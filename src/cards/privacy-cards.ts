import type { Language } from '../domain/catalog';
import { createMessageCard } from './help-card';
import { renderTemplate, type AdaptiveCard } from './render';
import { fill, stringsFor } from './strings';
import confirmTemplate from './templates/confirm.json';
import linkTemplate from './templates/link.json';

/** Universal Action verbs of the privacy cards; their `data` is empty (the person is the one who clicks). */
export const PRIVACY_VERBS = {
  forgetConfirm: 'privacy.forget.confirm',
  forgetCancel: 'privacy.forget.cancel',
} as const;

/** Asks before erasing: the erasure cannot be undone. */
export function createForgetConfirmCard(language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return renderTemplate(confirmTemplate, {
    title: strings.forgetConfirmTitle,
    text: strings.forgetConfirmText,
    confirm: strings.forgetConfirmButton,
    cancel: strings.forgetCancelButton,
    confirmVerb: PRIVACY_VERBS.forgetConfirm,
    cancelVerb: PRIVACY_VERBS.forgetCancel,
  });
}

export type ForgetResult = 'completed' | 'pending' | 'cancelled' | 'completedLater';

export function createForgetResultCard(result: ForgetResult, language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  const texts = {
    completed: [strings.forgetDoneTitle, strings.forgetDoneText],
    pending: [strings.forgetPendingTitle, strings.forgetPendingText],
    cancelled: [strings.forgetCancelledTitle, strings.forgetCancelledText],
    completedLater: [strings.forgetDoneTitle, strings.forgetCompletedLaterText],
  } as const;
  const [title, text] = texts[result];
  return createMessageCard({ title, text });
}

export function createExportLinkCard(view: { url: string; expiresInMinutes: number }, language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return renderTemplate(linkTemplate, {
    title: strings.exportTitle,
    text: fill(strings.exportText, { minutes: view.expiresInMinutes }),
    button: strings.exportButton,
    url: view.url,
  });
}
