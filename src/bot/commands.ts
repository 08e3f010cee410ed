/**
 * Personal chat commands: the id the manifest lists (`commandLists`) and the texts accepted for it in
 * English and French. A test checks this object against appPackage/manifest.json.
 */
export const PERSONAL_COMMANDS = {
  help: ['help', 'aide', '?'],
  mySessions: ['my sessions', 'mes séances'],
  recommend: ['recommend', 'recommandations'],
  settings: ['settings', 'paramètres'],
  forgetMe: ['forget me', 'supprimer mes données'],
  exportMyData: ['export my data', 'exporter mes données'],
} as const;

export type PersonalCommand = keyof typeof PERSONAL_COMMANDS;

/** Search message extension command ids (manifest `composeExtensions[0].commands[].id`). */
export const SEARCH_COMMANDS = { sessions: 'searchSessions', courses: 'searchCourses' } as const;

/** Case, accents, punctuation and extra spaces do not matter: `Mes seances !` is `mes séances`. */
export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
    .trim();
}

const LOOKUP = new Map<string, PersonalCommand>(
  Object.entries(PERSONAL_COMMANDS).flatMap(([command, texts]) => texts.map((text) => [normalizeCommandText(text), command as PersonalCommand])),
);

export function parsePersonalCommand(text: string | undefined): PersonalCommand | undefined {
  if (!text || text.length > 200) return undefined;
  return LOOKUP.get(normalizeCommandText(text));
}
