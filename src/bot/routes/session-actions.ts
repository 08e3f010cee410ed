import { type AdaptiveCard as SdkAdaptiveCard, type Application, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createBookingProblemCard, createMySessionsCard, withNotice } from '../../cards/booking-cards';
import type { AdaptiveCard } from '../../cards/render';
import { createSessionCard } from '../../cards/session-card';
import { CARD_VERBS } from '../../cards/session-view';
import { fill, stringsFor } from '../../cards/strings';
import type { SessionForViewer } from '../../domain/booking';
import { BookingError } from '../../domain/booking-rules';
import { CATALOG_ID, type Language } from '../../domain/catalog';
import type { Person } from '../../domain/people';
import type { BookingService } from '../../services/booking-service';
import { languageOfActivity, personOf } from '../activity';

const ACTION_INVOKE = 'adaptiveCard/action';

/** `Action.Execute` data: the session, and for "my sessions" rows where the answer goes and what to give up. */
const actionData = z.object({
  sessionId: z.string().regex(CATALOG_ID),
  from: z.enum(['card', 'my-sessions']).default('card'),
  only: z.enum(['waitlist', '']).optional(),
});
type ActionData = z.infer<typeof actionData>;

/** The card a person sees after acting, and a line saying what just happened. */
type Answer = { view: SessionForViewer; notice?: string } | { list: SessionForViewer[]; notice?: string };
type Action = (person: Person, data: ActionData, language: Language) => Promise<Answer>;

/**
 * `session.book`, `session.cancel` and `session.refresh` (Universal Actions, DESIGN.md §4). Each answer
 * is the card as THAT person should see it now. The invoke response is sent here rather than by
 * teams-ai: given a card with `refresh`, teams-ai v1 would switch to REPLACE_FOR_ALL and overwrite the
 * shared message for everyone with this person's state (facts §8.3, `AdaptiveCards.js` actionExecute).
 */
export function registerSessionActionRoutes(app: Application<TurnState>, bookings: BookingService, log: Logger): void {
  const route = (verb: string, action: Action) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => answer(context, await perform(context, data, action, bookings, log)));

  route(CARD_VERBS.book, async (person, { sessionId }, language) => {
    const { outcome, view } = await bookings.book(person, sessionId);
    if (!outcome.changed) return { view };
    const strings = stringsFor(language);
    return { view, notice: outcome.kind === 'booked' ? strings.noticeBooked : fill(strings.noticeWaitlisted, { position: view.waitlistPosition ?? '' }) };
  });
  route(CARD_VERBS.cancel, async (person, { sessionId, from, only }, language) => {
    const { outcome, view } = only === 'waitlist' ? await bookings.leaveWaitlist(person, sessionId) : await bookings.cancel(person, sessionId);
    const strings = stringsFor(language);
    const notice = { cancelled: strings.noticeCancelled, 'left-waitlist': strings.noticeLeftWaitlist, 'nothing-held': undefined }[outcome.kind];
    return from === 'my-sessions' ? { list: await bookings.mySessions(person), notice } : { view, notice };
  });
  route(CARD_VERBS.refresh, async (person, { sessionId }) => ({ view: await bookings.view(person, sessionId) }));

  // Anything else aimed at session cards (no action, unknown session.* verb) gets a friendly card, not a 501.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ACTION_INVOKE && isSessionActionOrMalformed(context.activity.value),
    async (context) => {
      log.info({ verb: safeVerb(context.activity.value) }, 'unsupported card action');
      await answer(context, createBookingProblemCard('invalid', languageOfActivity(context.activity)));
    },
    true,
  );
}

async function perform(context: TurnContext, raw: unknown, action: Action, bookings: BookingService, log: Logger): Promise<AdaptiveCard> {
  const language = languageOfActivity(context.activity);
  const person = personOf(context.activity);
  const data = actionData.safeParse(raw);
  if (!person || !data.success) {
    log.info({ fields: data.error?.issues.map((issue) => issue.path.join('.')).slice(0, 5) ?? [], person: Boolean(person) }, 'rejected card action data');
    return createBookingProblemCard('invalid', language);
  }
  try {
    const result = await action(person, data.data, language);
    const card = 'list' in result ? createMySessionsCard(result.list, language, result.notice) : createSessionCard({ ...result.view, language });
    return 'view' in result && result.notice ? withNotice(card, result.notice) : card;
  } catch (error) {
    return problemCard(error, { person, sessionId: data.data.sessionId, language }, bookings, log);
  }
}

/**
 * Each domain error becomes its card once, here. A session that started or was cancelled is shown as
 * it now is, with the reason on top; anything unexpected means the store did not answer: try again.
 */
async function problemCard(error: unknown, ask: { person: Person; sessionId: string; language: Language }, bookings: BookingService, log: Logger): Promise<AdaptiveCard> {
  const { person, sessionId, language } = ask;
  const strings = stringsFor(language);
  if (error instanceof BookingError && error.code === 'SESSION_NOT_FOUND') return createBookingProblemCard('not-found', language);
  if (error instanceof BookingError && (error.code === 'SESSION_STARTED' || error.code === 'SESSION_CANCELLED')) {
    try {
      const view = await bookings.view(person, sessionId);
      return withNotice(createSessionCard({ ...view, language }), error.code === 'SESSION_STARTED' ? strings.noticeStarted : strings.noticeCancelledByProvider);
    } catch (viewError) {
      log.error({ err: viewError, sessionId }, 'could not show the session after a refused action');
      return createBookingProblemCard('unavailable', language, sessionId);
    }
  }
  log.error({ err: error, sessionId, code: error instanceof BookingError ? error.code : undefined }, 'card action failed');
  return createBookingProblemCard('unavailable', language, sessionId);
}

/** Sends the invoke response ourselves; teams-ai then leaves the shared message alone. */
async function answer(context: TurnContext, card: AdaptiveCard): Promise<SdkAdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
  return card as SdkAdaptiveCard;
}

function isSessionActionOrMalformed(value: unknown): boolean {
  const action = (value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
  if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string') return true;
  return action.verb.startsWith('session.');
}

function safeVerb(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb.slice(0, 64) : undefined;
}
