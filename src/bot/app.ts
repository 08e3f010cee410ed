import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { PeopleService } from '../services/people-service';
import type { SettingsService } from '../services/settings-service';
import type { PersonalCommand } from './commands';
import { registerConversationCapture } from './routes/conversation-capture';
import { registerInstallRoutes } from './routes/install';
import { registerPersonalCommandRoutes, type CommandHandler } from './routes/personal-commands';
import { registerSettingsRoutes, settingsCommand } from './routes/settings';

export interface BotDependencies {
  readonly adapter: TeamsAdapter;
  /** Empty in local mode. */
  readonly botAppId: string;
  readonly log: Logger;
  readonly people: PeopleService;
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
  });
  const commandHandlers: Partial<Record<PersonalCommand, CommandHandler>> = { settings: settingsCommand(deps.settings) };
  registerConversationCapture(app, deps.people, deps.log);
  registerInstallRoutes(app);
  registerPersonalCommandRoutes(app, commandHandlers);
  registerSettingsRoutes(app, deps.settings);
  return app;
}
