import type { Language } from '../domain/catalog';
import type { HistoryAction } from '../domain/recommendation/reasons';
import { topicLabel } from '../domain/topics';
import { createMessageCard } from './help-card';
import { renderTemplate, type AdaptiveCard } from './render';
import { CARD_VERBS } from './session-view';
import { fill, stringsFor, type Strings } from './strings';
import recommendationsTemplate from './templates/recommendations.json';

/** A reason with the person's own item resolved to its title (absent when the catalogue no longer has it). */
export type ReasonView =
  | { readonly kind: 'history'; readonly action: HistoryAction; readonly title: string | undefined }
  | { readonly kind: 'interest'; readonly topic: string }
  | { readonly kind: 'popular' }
  | { readonly kind: 'starter' };

export interface RecommendationItemView {
  readonly courseId: string;
  readonly title: string;
  readonly durationMinutes: number;
  readonly topics: readonly string[];
  readonly reason: ReasonView;
  /** Signed, tracked link that records the open, then leads to the course. */
  readonly openUrl: string;
}

export type RecommendationNotice = { readonly kind: 'dismissed'; readonly title: string } | { readonly kind: 'digestStarted' } | { readonly kind: 'digestStopped' };

/** One person's recommendations, as the `recommend` command, its card actions and the weekly digest show them. */
export interface RecommendationsView {
  readonly language: Language;
  readonly occasion: 'command' | 'digest';
  readonly items: readonly RecommendationItemView[];
  readonly weeklyDigest: boolean;
  /** A viewing room on the topic of a recommended course, with its signed, tracked link. */
  readonly room?: { readonly title: string; readonly openUrl: string };
  readonly notice?: RecommendationNotice;
}

/**
 * The recommendations card. It has no `refresh`: it lives in the person's own chat, and teams-ai
 * would answer an action on a card with `refresh` by replacing it for everyone (facts §8.3).
 */
export function createRecommendationCard(view: RecommendationsView): AdaptiveCard {
  const strings = stringsFor(view.language);
  const digest = view.occasion === 'digest';
  return renderTemplate(recommendationsTemplate, {
    title: digest ? strings.recommendDigestTitle : strings.recommendTitle,
    intro: digest ? strings.recommendDigestIntro : strings.recommendIntro,
    notice: view.notice ? noticeText(view.notice, strings) : '',
    items: view.items.map((item) => ({
      courseId: item.courseId,
      title: item.title,
      meta: [fill(strings.recommendMinutes, { minutes: String(item.durationMinutes) }), ...item.topics.map((topic) => topicLabel(topic, view.language))].join(' · '),
      reason: reasonText(item.reason, view.language),
      openUrl: item.openUrl,
    })),
    room: view.room ? fill(strings.recommendRoom, { title: view.room.title }) : '',
    roomUrl: view.room?.openUrl ?? '',
    roomLabel: strings.recommendRoomOpen,
    empty: strings.recommendEmpty,
    openLabel: strings.recommendOpen,
    dismissLabel: strings.recommendDismiss,
    dismissVerb: CARD_VERBS.dismissCourse,
    digestVerb: CARD_VERBS.toggleDigest,
    digestLabel: view.weeklyDigest ? strings.recommendDigestOff : strings.recommendDigestOn,
    digestNext: !view.weeklyDigest,
    privacy: strings.recommendPrivacy,
  });
}

export function reasonText(reason: ReasonView, language: Language): string {
  const strings = stringsFor(language);
  switch (reason.kind) {
    case 'history': {
      if (reason.title === undefined) return strings.reasonRecent;
      const template = { attended: strings.reasonAttended, booked: strings.reasonBooked, viewed: strings.reasonViewed, visited: strings.reasonVisited }[reason.action];
      return fill(template, { title: reason.title });
    }
    case 'interest':
      return fill(strings.reasonInterest, { topic: topicLabel(reason.topic, language) });
    case 'popular':
      return strings.reasonPopular;
    case 'starter':
      return strings.reasonStarter;
  }
}

/** The short confirmation a dismissal gets when it came from a card other than the recommendations. */
export function createCourseDismissedCard(title: string, language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return createMessageCard({ title: strings.recommendDismiss, text: fill(strings.recommendDismissed, { title }) });
}

function noticeText(notice: RecommendationNotice, strings: Strings): string {
  if (notice.kind === 'dismissed') return fill(strings.recommendDismissed, { title: notice.title });
  return notice.kind === 'digestStarted' ? strings.recommendDigestStarted : strings.recommendDigestStopped;
}
