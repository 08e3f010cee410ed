import { AdaptiveCardActionExecuteResponseType, Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { BookingService } from '../services/booking-service';
import type { CatalogSearchService } from '../services/catalog-search';
import type { PeopleService } from '../services/people-service';
import type { PersonSyncService } from '../services/person-sync-service';
import type { RecommendationService } from '../services/recommendation-service';
import type { SettingsService } from '../services/settings-service';
import type { PersonalCommand } from './commands';
import { registerConversationCapture } from './routes/conversation-capture';
import { registerInstallRoutes } from './routes/install';
import { mySessionsCommand } from './routes/my-sessions';
import { registerPersonCapture } from './routes/person-capture';
import { registerPersonalCommandRoutes, type CommandHandler } from './routes/personal-commands';
import { exportMyDataCommand, forgetMeCommand, registerPrivacyRoutes, type PrivacyRouteDependencies } from './routes/privacy';
import { createRecommendCommand, registerRecommendationActions } from './routes/recommendations';
import { registerSearchRoutes } from './routes/search';
import { registerSessionActionRoutes } from './routes/session-actions';
import { registerSettingsRoutes, settingsCommand } from './routes/settings';

export interface BotDependencies {
  readonly adapter: TeamsAdapter;
  /** Empty in local mode. */
  readonly botAppId: string;
  readonly log: Logger;
  readonly people: PeopleService;
  readonly personSync: PersonSyncService;
  readonly privacy: Omit<PrivacyRouteDependencies, 'log'>;
  readonly search: CatalogSearchService;
  readonly bookings: BookingService;
  readonly recommendations: RecommendationService;
  readonly settings: SettingsService;
}

/** The teams-ai Application with every route registered. Routes only translate; services decide. */
export function createBotApplication(deps: BotDependencies): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: deps.adapter,
    botAppId: deps.botAppId || undefined,
    // Replies are immediate; a typing indicator would only add a call to the connector per turn.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    // The default, stated because it matters: a card action answers only the person who clicked.
    // session-actions.ts also sends its own invoke responses, since teams-ai overrides this for cards with `refresh`.
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_INTERACTOR },
  });
  const commandHandlers: Record<Exclude<PersonalCommand, 'help'>, CommandHandler> = {
    mySessions: mySessionsCommand(deps.bookings),
    recommend: createRecommendCommand(deps.recommendations),
    settings: settingsCommand(deps.settings),
    forgetMe: forgetMeCommand,
    exportMyData: exportMyDataCommand(deps.privacy.exportLinks),
  };
  registerConversationCapture(app, deps.people, deps.log);
  registerPersonCapture(app, deps.personSync, deps.log);
  registerPrivacyRoutes(app, { ...deps.privacy, log: deps.log });
  registerInstallRoutes(app);
  registerPersonalCommandRoutes(app, commandHandlers);
  registerSearchRoutes(app, { search: deps.search, log: deps.log.child({ component: 'search' }) });
  registerSessionActionRoutes(app, deps.bookings, deps.log.child({ component: 'session-actions' }));
  registerRecommendationActions(app, deps.recommendations, deps.log);
  registerSettingsRoutes(app, deps.settings);
  return app;
}
