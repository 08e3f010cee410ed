import type { Language } from '../domain/catalog';

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
