import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRecommendationCard, reasonText, type RecommendationItemView, type RecommendationsView } from '../../src/cards/recommendation-card';
import { CARD_VERBS } from '../../src/cards/session-view';

const FIXTURES = path.resolve(__dirname, '../fixtures/cards');
/** `UPDATE_FIXTURES=1 npm test -- --grep "recommendations card"` rewrites the fixtures after an intended change; review the diff. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function matchesFixture(name: string, actual: unknown): void {
  const file = path.join(FIXTURES, `${name}.json`);
  if (UPDATE) fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  assert.ok(fs.existsSync(file), `no fixture ${name}.json: run with UPDATE_FIXTURES=1 and review it`);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')), `${name} differs from its fixture (UPDATE_FIXTURES=1 to accept)`);
}

const item = (courseId: string, title: string, reason: RecommendationItemView['reason'], topics = ['sleep']): RecommendationItemView =>
  ({ courseId, title, durationMinutes: 35, topics, reason, openUrl: `https://app.example.com/r/course/${courseId}?t=signed` });

const ITEMS = [
  item('c-2', 'Mieux dormir en 7 jours', { kind: 'history', action: 'attended', title: 'Mieux dormir dès ce soir' }),
  item('c-3', 'Understanding insomnia', { kind: 'history', action: 'viewed', title: 'Sleep better in 7 days' }, ['sleep', 'anxiety']),
  item('c-31', 'Understanding grief', { kind: 'interest', topic: 'grief' }, ['grief']),
  item('c-34', 'Budgeting without stress', { kind: 'popular' }, ['financial stress']),
  item('c-23', 'Hydration and focus', { kind: 'starter' }, ['nutrition', 'work']),
];

const VIEWS: Record<string, RecommendationsView> = {
  'recommendations.en': { language: 'en', occasion: 'command', items: ITEMS, weeklyDigest: false },
  'recommendations-dismissed.fr': { language: 'fr', occasion: 'command', items: ITEMS.slice(0, 4), weeklyDigest: true, notice: { kind: 'dismissed', title: 'Hydration and focus' } },
  'recommendations-digest.en': { language: 'en', occasion: 'digest', items: ITEMS.slice(0, 2), weeklyDigest: true },
  'recommendations-empty.fr': { language: 'fr', occasion: 'command', items: [], weeklyDigest: false },
};

type Action = { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> };
/** Every action anywhere in a card, in document order. */
function allActions(node: unknown): Action[] {
  if (Array.isArray(node)) return node.flatMap(allActions);
  if (typeof node !== 'object' || node === null) return [];
  const self = String((node as { type?: unknown }).type).startsWith('Action.') ? [node as Action] : [];
  return [...self, ...Object.values(node).flatMap(allActions)];
}

describe('recommendations card', () => {
  for (const [name, view] of Object.entries(VIEWS)) {
    it(`renders ${name} as its fixture`, () => matchesFixture(name, createRecommendationCard(view)));
  }

  it('is Adaptive Card 1.5 without refresh, so an action answer replaces it for the person only', () => {
    const card = createRecommendationCard(VIEWS['recommendations.en']!);
    assert.equal(card.version, '1.5');
    assert.equal(card.refresh, undefined);
  });

  it('gives each course Open (its tracked link) and Not interested (course.dismiss with its id)', () => {
    const actions = allActions(createRecommendationCard(VIEWS['recommendations.en']!));
    const opens = actions.filter((a) => a.type === 'Action.OpenUrl');
    const dismissals = actions.filter((a) => a.verb === CARD_VERBS.dismissCourse);
    assert.deepEqual(opens.map((a) => a.url), ITEMS.map((i) => i.openUrl));
    assert.deepEqual(dismissals.map((a) => a.data), ITEMS.map((i) => ({ courseId: i.courseId, surface: 'recommendations' })));
  });

  it('offers the digest switch that matches the preference, with a boolean in its data', () => {
    const off = allActions(createRecommendationCard(VIEWS['recommendations.en']!)).find((a) => a.verb === CARD_VERBS.toggleDigest)!;
    const on = allActions(createRecommendationCard(VIEWS['recommendations-digest.en']!)).find((a) => a.verb === CARD_VERBS.toggleDigest)!;
    assert.deepEqual([off.title, off.data], ['Send me a weekly digest', { weeklyDigest: true }]);
    assert.deepEqual([on.title, on.data], ['Stop the weekly digest', { weeklyDigest: false }]);
  });

  it('writes one reason line per kind in English and French', () => {
    const lines = (language: 'en' | 'fr') => [...ITEMS.map((i) => reasonText(i.reason, language)), reasonText({ kind: 'history', action: 'booked', title: undefined }, language)];
    assert.deepEqual(lines('en'), [
      "Because you attended 'Mieux dormir dès ce soir'", "Because you opened 'Sleep better in 7 days'", 'Matches your interest in grief',
      'Popular with colleagues', 'A short course to start with', 'Because of what you took part in recently',
    ]);
    assert.deepEqual(lines('fr'), [
      'Parce que vous avez participé à « Mieux dormir dès ce soir »', 'Parce que vous avez ouvert « Sleep better in 7 days »', 'Dans vos centres d’intérêt : deuil',
      'Apprécié par vos collègues', 'Un cours court pour commencer', 'D’après ce que vous avez suivi récemment',
    ]);
    assert.equal(reasonText({ kind: 'history', action: 'booked', title: 'Yoga' }, 'en'), "Because you signed up for 'Yoga'");
    assert.equal(reasonText({ kind: 'history', action: 'visited', title: 'Calm room' }, 'fr'), 'Parce que vous avez visité « Calm room »');
  });

  it('shows titles as typed, never as template expressions or placeholders', () => {
    const odd = item('c-9', '${title} {title} $&', { kind: 'history', action: 'viewed', title: '{minutes} ${intro}' });
    const text = JSON.stringify(createRecommendationCard({ language: 'en', occasion: 'command', items: [odd], weeklyDigest: false }));
    assert.ok(text.includes('${title} {title} $&'), text);
    assert.ok(text.includes("Because you opened '{minutes} ${intro}'"), text);
  });
});
