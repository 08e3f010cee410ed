/** A deterministic synthetic catalogue in the import file format, with realistic English and French wording. */

const EN_WORDS = ['anxiety', 'work', 'sleep', 'better', 'resilience', 'mindfulness', 'stress', 'burnout', 'nutrition', 'movement', 'parenting', 'grief',
  'money', 'breathing', 'focus', 'calm', 'energy', 'habits', 'balance', 'team', 'manager', 'recovery', 'confidence', 'boundaries', 'walking', 'yoga',
  'meditation', 'emotions', 'kindness', 'gratitude', 'routine', 'evening', 'morning', 'practical', 'tools', 'guided', 'session', 'healthy', 'motivation'];
const FR_WORDS = ['anxiété', 'travail', 'sommeil', 'mieux', 'résilience', 'pleine', 'conscience', 'stress', 'épuisement', 'alimentation', 'mouvement',
  'parents', 'deuil', 'budget', 'respiration', 'concentration', 'calme', 'énergie', 'habitudes', 'équilibre', 'équipe', 'récupération', 'confiance',
  'limites', 'marche', 'méditation', 'émotions', 'bienveillance', 'gratitude', 'soirée', 'matinée', 'pratique', 'outils', 'guidée', 'séance', 'santé'];
const TOPICS = ['anxiety', 'sleep', 'resilience', 'mindfulness', 'stress', 'burnout', 'nutrition', 'movement', 'parenting', 'grief', 'financial stress', 'work'];
const FIRST = ['Amira', 'Tom', 'Claire', 'Marcus', 'Élodie', 'Priya', 'Hélène', 'Sofia', 'Noémie', 'Jake', 'Karim', 'Rachel', 'Anne-Sophie', 'Olivia', 'François'];
const LAST = ['Haddad', 'Whitfield', 'Dubois', 'Obi', 'Marchand', 'Natarajan', 'Fournier', 'Alvarez', 'Lefèvre', 'Morrison', 'Benali', 'Green', 'Roux', 'Chen', 'Mercier'];

/** Mulberry32: the same catalogue on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticCatalogue {
  sessions: Record<string, unknown>[];
  courses: Record<string, unknown>[];
}

const STOP = ['the', 'and', 'of', 'to', 'for', 'with', 'your', 'in', 'de', 'la', 'le', 'et', 'les', 'des', 'pour', 'avec', 'vos', 'en'];
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'zo', 'ka', 'lu', 'mi', 'no', 'pe', 'ri', 'so', 'tu', 'va', 'xe'];

/**
 * Words follow Zipf's law, as in real text: stop words are the most frequent, then the wellbeing
 * words and 2,000 filler words in a random order of frequency. Some searched words are therefore
 * very common (found in a quarter of all descriptions) and others rare, as in a real catalogue.
 */
function zipfVocabulary(next: () => number): () => string {
  const filler = Array.from({ length: 2_000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  const words = [...EN_WORDS, ...FR_WORDS, ...filler];
  for (let i = words.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const ranked = [...STOP, ...words];
  const cumulative: number[] = [];
  ranked.reduce((sum, _, rank) => (cumulative[rank] = sum + 1 / (rank + 1)), 0);
  const total = cumulative[cumulative.length - 1]!;
  return () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return ranked[low]!;
  };
}

export function syntheticCatalogue(now: Date, sessionCount: number, courseCount: number): SyntheticCatalogue {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = zipfVocabulary(next);
  const text = (count: number) => Array.from({ length: count }, word).join(' ');
  const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
  const title = (language: 'en' | 'fr') => capitalise(`${pick(language === 'fr' ? FR_WORDS : EN_WORDS)} ${text(1 + Math.floor(next() * 4))}`);
  const topics = () => [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TOPICS)))];
  const language = (): 'en' | 'fr' => (next() < 0.5 ? 'en' : 'fr');

  const sessions = Array.from({ length: sessionCount }, (_, index) => {
    const lang = language();
    // Spread over the next 180 days, on the quarter hour.
    const startsAt = new Date(now.getTime() + 3_600_000 + Math.floor(next() * 180 * 96) * 900_000);
    return {
      id: `s-${index}`, title: title(lang), description: capitalise(text(15 + Math.floor(next() * 25))),
      topics: topics(), facilitator: `${pick(FIRST)} ${pick(LAST)}`, startsAt: startsAt.toISOString(), durationMinutes: pick([20, 30, 45, 60]),
      capacity: pick([8, 12, 20, 40]), language: lang, joinUrl: `https://teams.microsoft.com/l/meetup-join/bench-${index}`,
    };
  });
  const courses = Array.from({ length: courseCount }, (_, index) => {
    const lang = language();
    return {
      id: `c-${index}`, title: title(lang), description: capitalise(text(15 + Math.floor(next() * 25))),
      topics: topics(), durationMinutes: pick([10, 15, 25, 35, 60]), language: lang, url: `https://learn.example.com/courses/c-${index}`,
    };
  });
  return { sessions, courses };
}

/** What people type: prefixes, whole words, accents either way, typos, several words, filters, and the initial run. */
export const SESSION_QUERIES: readonly (string | undefined)[] = [
  'anx', 'anxiety', 'anxiete', 'ANXIÉTÉ', 'sle', 'sleep better', 'resilence', 'mindfulnes', 'breathing calm', 'yoga fr', 'demain',
  'stress this week', 'équipe travail', 'meditation evening en', 'mo', 'Amira', 'burnout manager work', undefined,
];
export const COURSE_QUERIES: readonly (string | undefined)[] = ['anx', 'sommeil', 'resilience', 'gratitude fr', 'habits routine', 'conf', undefined];

/** Every prefix (from three letters) of every wellbeing word, as people type them, plus the mix above. */
export function typingQueries(): string[] {
  const prefixes = [...EN_WORDS, ...FR_WORDS].flatMap((word) => Array.from({ length: word.length - 2 }, (_, i) => word.slice(0, i + 3)));
  return [...new Set([...prefixes, ...SESSION_QUERIES.filter((query): query is string => query !== undefined)])];
}
