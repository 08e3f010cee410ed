import type { Language } from '../domain/catalog';
import { renderTemplate, type AdaptiveCard } from './render';
import { stringsFor, type Strings } from './strings';
import helpTemplate from './templates/help.json';
import messageTemplate from './templates/message.json';

const COMMANDS: readonly [keyof Strings, keyof Strings][] = [
  ['commandHelp', 'commandHelpText'],
  ['commandMySessions', 'commandMySessionsText'],
  ['commandRecommend', 'commandRecommendText'],
  ['commandSettings', 'commandSettingsText'],
  ['commandForget', 'commandForgetText'],
  ['commandExport', 'commandExportText'],
];

/** The list of what the app can do, answered to `help` and to any text it does not understand. */
export function createHelpCard(language: Language): AdaptiveCard {
  return renderHelp(language, stringsFor(language).helpTitle, stringsFor(language).helpIntro);
}

/** The greeting sent once when a person installs the app in their personal scope. */
export function createWelcomeCard(language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return renderHelp(language, strings.welcomeTitle, strings.welcomeText);
}

/** A plain title and text: notices, "coming soon", and errors a person can act on. */
export function createMessageCard(view: { title: string; text: string }): AdaptiveCard {
  return renderTemplate(messageTemplate, view);
}

export function createErrorCard(language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return createMessageCard({ title: strings.errorTitle, text: strings.errorText });
}

function renderHelp(language: Language, title: string, intro: string): AdaptiveCard {
  const strings = stringsFor(language);
  return renderTemplate(helpTemplate, {
    title,
    intro,
    commands: COMMANDS.map(([name, text]) => ({ name: strings[name], text: strings[text] })),
    search: strings.helpSearch,
    book: strings.helpBook,
    privacy: strings.privacyNote,
  });
}
