import type { Language } from '../domain/catalog';

/** Every text the cards show, per language. Adding a key to one language without the other fails to compile. */
const EN = {
  appName: 'Wellbeing',
  welcomeTitle: 'Welcome to Wellbeing 👋',
  welcomeText: 'Join live group sessions and on-demand courses for your wellbeing, right from Teams. Everything you do here stays private: colleagues never see what you book.',
  helpTitle: 'What I can do',
  helpIntro: 'Type one of these commands, or use the app from the message box.',
  helpSearch: 'Search sessions and courses from the message box (＋ → Wellbeing) and share a card in any chat.',
  helpBook: 'Book or cancel a seat right on a session card; everyone sees only their own booking.',
  commandHelp: 'help',
  commandHelpText: 'Show this list.',
  commandMySessions: 'my sessions',
  commandMySessionsText: 'Your upcoming bookings and waitlist places.',
  commandRecommend: 'recommend',
  commandRecommendText: 'Courses picked for you from what you used.',
  commandSettings: 'settings',
  commandSettingsText: 'Reminders, language and interests.',
  commandForget: 'forget me',
  commandForgetText: 'Delete everything the app holds about you.',
  commandExport: 'export my data',
  commandExportText: 'Download everything the app holds about you.',
  privacyNote: 'Your bookings are private: cards only ever show how many seats are left.',
  comingSoonTitle: 'Coming soon',
  comingSoonText: 'This part of the app is not available yet. Try "help" to see what you can do today.',
  errorTitle: 'Something did not work',
  errorText: 'Please try again in a moment.',
} as const;

export type Strings = { readonly [K in keyof typeof EN]: string };

const FR: Strings = {
  appName: 'Bien-être',
  welcomeTitle: 'Bienvenue dans Bien-être 👋',
  welcomeText: "Participez à des séances en groupe et suivez des cours à la demande pour votre bien-être, directement dans Teams. Tout reste confidentiel : vos collègues ne voient jamais ce que vous réservez.",
  helpTitle: 'Ce que je sais faire',
  helpIntro: "Tapez l'une de ces commandes, ou utilisez l'application depuis la zone de message.",
  helpSearch: 'Cherchez des séances et des cours depuis la zone de message (＋ → Bien-être) et partagez une carte dans n’importe quelle conversation.',
  helpBook: 'Réservez ou annulez une place directement sur la carte ; chacun ne voit que sa propre réservation.',
  commandHelp: 'aide',
  commandHelpText: 'Afficher cette liste.',
  commandMySessions: 'mes séances',
  commandMySessionsText: "Vos prochaines réservations et places en liste d'attente.",
  commandRecommend: 'recommandations',
  commandRecommendText: 'Des cours choisis pour vous selon votre usage.',
  commandSettings: 'paramètres',
  commandSettingsText: 'Rappels, langue et centres d’intérêt.',
  commandForget: 'supprimer mes données',
  commandForgetText: "Effacer tout ce que l'application conserve sur vous.",
  commandExport: 'exporter mes données',
  commandExportText: "Télécharger tout ce que l'application conserve sur vous.",
  privacyNote: 'Vos réservations sont confidentielles : les cartes indiquent seulement le nombre de places restantes.',
  comingSoonTitle: 'Bientôt disponible',
  comingSoonText: "Cette partie de l'application n'est pas encore disponible. Tapez « aide » pour voir ce que vous pouvez faire.",
  errorTitle: "Quelque chose n'a pas fonctionné",
  errorText: 'Merci de réessayer dans un instant.',
};

const STRINGS: Record<Language, Strings> = { en: EN, fr: FR };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}
