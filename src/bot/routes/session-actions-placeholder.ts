import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LIMITS, truncate } from '../../cards/format';
import { createMessageCard } from '../../cards/help-card';
import { createSessionCard } from '../../cards/session-card';
import { CARD_VERBS } from '../../cards/session-view';
import { stringsFor } from '../../cards/strings';
import type { CatalogSearchService } from '../../services/catalog-search';
import { languageOfActivity } from '../activity';

/*
 * PLACEHOLDER until booking lands (issue 5): delete this file and its registration in app.ts.
 * Search result cards already carry session.book / session.cancel buttons and a session.refresh.
 */

const actionData = z.object({ sessionId: z.string().min(1).max(64) }).loose();

export function registerSessionActionPlaceholders(app: Application<TurnState>, deps: { search: CatalogSearchService; log: Logger }): void {
  // Book and cancel: a clear "coming soon" in place of the card, never an error.
  app.adaptiveCards.actionExecute([CARD_VERBS.book, CARD_VERBS.cancel], async (context, _state, data: unknown) => {
    const strings = stringsFor(languageOfActivity(context.activity));
    const parsed = actionData.safeParse(data);
    const found = parsed.success ? await deps.search.session(parsed.data.sessionId) : undefined;
    deps.log.info({ verb: context.activity.value?.action?.verb, known: found !== undefined }, 'session action answered: booking not available yet');
    return createMessageCard({
      title: found ? truncate(found.session.title, LIMITS.cardTitle) : strings.comingSoonTitle,
      text: `${strings.comingSoonTitle}: ${strings.bookingComingSoonText}`,
    });
  });
  // A refresh fires by itself for every viewer of a shared card: answering "coming soon" would hide
  // the session from everyone, so it gets the card as anyone sees it now. Without `refresh`, as a
  // card with one makes teams-ai replace the shared message for all (facts §8.3).
  app.adaptiveCards.actionExecute(CARD_VERBS.refresh, async (context, _state, data: unknown) => {
    const language = languageOfActivity(context.activity);
    const parsed = actionData.safeParse(data);
    const found = parsed.success ? await deps.search.session(parsed.data.sessionId) : undefined;
    if (!found) return createMessageCard({ title: stringsFor(language).comingSoonTitle, text: stringsFor(language).bookingComingSoonText });
    return createSessionCard({ ...found, language }, { refresh: false });
  });
}
