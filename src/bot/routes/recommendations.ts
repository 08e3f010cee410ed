import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createErrorCard } from '../../cards/help-card';
import { createCourseDismissedCard, createRecommendationCard } from '../../cards/recommendation-card';
import { CARD_VERBS } from '../../cards/session-view';
import { CATALOG_ID, type Language } from '../../domain/catalog';
import type { RecommendationService } from '../../services/recommendation-service';
import { languageOfActivity, personOf } from '../activity';
import { sendCard } from '../send';
import type { CommandHandler } from './personal-commands';

const dismissData = z.object({ courseId: z.string().regex(CATALOG_ID), surface: z.literal('recommendations').optional() });
const digestData = z.object({ weeklyDigest: z.boolean() });

/** `recommend` / `recommandations`: the person's recommendations card. */
export function createRecommendCommand(recommendations: RecommendationService): CommandHandler {
  return async (context: TurnContext, language: Language) => {
    const person = personOf(context.activity);
    if (!person) return sendCard(context, createErrorCard(language));
    await sendCard(context, createRecommendationCard(await recommendations.cardFor(person, language)));
  };
}

/**
 * "Not interested" (`course.dismiss`, data `{ courseId }`) and the weekly digest switch. The answer is
 * the card as this person should now see it, without `refresh`, so teams-ai replaces it for them only.
 * A dismissal from another surface (a course card) is answered with a short confirmation.
 */
export function registerRecommendationActions(app: Application<TurnState>, recommendations: RecommendationService, log: Logger): void {
  app.adaptiveCards.actionExecute(CARD_VERBS.dismissCourse, async (context, _state, data) => {
    const language = languageOfActivity(context.activity);
    const parsed = dismissData.safeParse(data);
    const person = personOf(context.activity);
    if (!parsed.success || !person) return refuse(log, CARD_VERBS.dismissCourse, language);
    const view = await recommendations.dismiss(person, parsed.data.courseId, language);
    if (parsed.data.surface === 'recommendations') return createRecommendationCard(view);
    const title = view.notice?.kind === 'dismissed' ? view.notice.title : parsed.data.courseId;
    return createCourseDismissedCard(title, view.language);
  });
  app.adaptiveCards.actionExecute(CARD_VERBS.toggleDigest, async (context, _state, data) => {
    const language = languageOfActivity(context.activity);
    const parsed = digestData.safeParse(data);
    const person = personOf(context.activity);
    if (!parsed.success || !person) return refuse(log, CARD_VERBS.toggleDigest, language);
    return createRecommendationCard(await recommendations.setWeeklyDigest(person, parsed.data.weeklyDigest, language));
  });
}

function refuse(log: Logger, verb: string, language: Language) {
  log.info({ verb }, 'refused a card action with invalid data');
  return createErrorCard(language);
}
