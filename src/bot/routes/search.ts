import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createCourseCard, createCoursePreview } from '../../cards/course-card';
import { createNothingFoundResult, createSearchFailedResult, type SearchKind } from '../../cards/search-cards';
import { createSessionCard, createSessionPreview } from '../../cards/session-card';
import type { CatalogSearchService } from '../../services/catalog-search';
import { languageOfActivity, personOf } from '../activity';
import { localeOf, readSearchInvoke, timeZoneOf, type SearchInvoke } from '../search-invoke';
import { searchResult, type SearchItem } from '../search-results';

const QUERY_INVOKE = 'composeExtension/query';

type Search = (context: TurnContext, invoke: SearchInvoke) => Promise<SearchItem[]>;

/**
 * `composeExtension/query` for both search commands. Every request gets a valid result: a page of
 * cards, a "nothing found, try…" card on an empty first page, an empty list for a later page, an
 * unknown command or a malformed payload, and an apology card if the search itself fails.
 */
export function registerSearchRoutes(app: Application<TurnState>, deps: { search: CatalogSearchService; log: Logger }): void {
  const searches: Record<SearchKind, Search> = {
    sessions: async (context, invoke) => {
      const where = { timeZone: timeZoneOf(context.activity), locale: localeOf(context.activity) };
      const language = languageOfActivity(context.activity);
      const results = await deps.search.searchSessions({ ...invoke, timeZone: where.timeZone, person: personOf(context.activity) });
      return results.map((result) => ({ card: createSessionCard({ ...result, language }), preview: createSessionPreview({ ...result, language }, where) }));
    },
    courses: async (context, invoke) => {
      const language = languageOfActivity(context.activity);
      const courses = await deps.search.searchCourses({ ...invoke, timeZone: timeZoneOf(context.activity), person: personOf(context.activity) });
      return courses.map((course) => ({ card: createCourseCard(course, language), preview: createCoursePreview(course, language) }));
    },
  };

  app.messageExtensions.query(
    (context) => Promise.resolve(isQuery(context) && readSearchInvoke(context.activity.value) !== undefined),
    async (context) => {
      const invoke = readSearchInvoke(context.activity.value)!;
      const language = languageOfActivity(context.activity);
      try {
        const items = await searches[invoke.kind](context, invoke);
        deps.log.debug({ command: invoke.kind, skip: invoke.skip, count: invoke.count, results: items.length }, 'search answered');
        return searchResult(items.length === 0 && invoke.skip === 0 ? [createNothingFoundResult(invoke.kind, language)] : items);
      } catch (error) {
        deps.log.error({ err: error, command: invoke.kind }, 'search failed');
        return searchResult([createSearchFailedResult(language)]);
      }
    },
  );

  // Registered after ours: an unknown command or a payload teams-ai could not flatten gets an empty
  // result rather than botbuilder's 501 for an unhandled invoke.
  app.addRoute(
    (context) => Promise.resolve(isQuery(context)),
    async (context) => {
      deps.log.info({ invoke: QUERY_INVOKE }, 'unrecognised search request answered with no results');
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { composeExtension: searchResult([]) } } });
    },
    true,
  );
}

function isQuery(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === QUERY_INVOKE;
}
