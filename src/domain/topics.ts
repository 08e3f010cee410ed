import type { Language } from './catalog';

/** Catalogue topics are lower-case English keys; French cards show them translated when known. */
const FR: Readonly<Record<string, string>> = {
  sleep: 'sommeil',
  anxiety: 'anxiété',
  stress: 'stress',
  resilience: 'résilience',
  burnout: 'épuisement professionnel',
  mindfulness: 'pleine conscience',
  nutrition: 'nutrition',
  movement: 'activité physique',
  parenting: 'parentalité',
  grief: 'deuil',
  'financial stress': 'stress financier',
  work: 'travail',
};

export function topicLabel(topic: string, language: Language): string {
  return language === 'fr' ? (FR[topic] ?? topic) : topic;
}

/**
 * The words a search should find an item's topics by, in both languages: someone who picked
 * "parentalité" in their settings and then types it must find the parenting sessions. Each word once,
 * so a topic named alike in both languages ("stress") does not weigh double.
 */
export function topicSearchText(topics: readonly string[]): string {
  const words = topics.flatMap((topic) => [topic, topicLabel(topic, 'fr')]).flatMap((name) => name.split(/\s+/));
  return [...new Set(words)].join(' ');
}
