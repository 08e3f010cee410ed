import assert from 'node:assert/strict';
import { reasonText } from '../../../src/cards/recommendation-card';
import type { Person } from '../../../src/domain/people';
import { openFixture, type Fixture } from './recommendation-fixture';

describe('RecommendationService', () => {
  let f: Fixture;
  beforeEach(async () => (f = await openFixture()));
  afterEach(() => f.db.close());

  const alex = { userId: 'alex', tenantId: 't1' };
  const view = (person: Person, courseId: string) => f.usage.record({ ...person, kind: 'course.viewed', itemType: 'course', itemId: courseId });
  const colleagues = (count: number, tenantId = 't1') => Array.from({ length: count }, (_, i) => ({ userId: `c${i}`, tenantId }));

  it('explains a recommendation by what the person attended, in their language', async () => {
    await f.usage.record({ ...alex, kind: 'session.attended', itemType: 'session', itemId: 's-dormir' });
    const card = await f.recommendations.cardFor(alex, 'fr');
    assert.equal(card.items[0]!.courseId, 'dormir-7');
    assert.equal(reasonText(card.items[0]!.reason, 'fr'), 'Parce que vous avez participé à « Mieux dormir dès ce soir »');
    assert.equal(reasonText(card.items[0]!.reason, 'en'), "Because you attended 'Mieux dormir dès ce soir'");
  });

  it('starts from the interests the person picked when it knows nothing else', async () => {
    await f.store.users.upsertSeen(alex, undefined, f.clock.now());
    await f.store.users.updatePreferences(alex, { interests: ['grief'] });
    const [first] = await f.recommendations.recommend(alex);
    assert.equal(first!.course.id, 'grief');
    assert.deepEqual(first!.reason, { kind: 'interest', topic: 'grief' });
  });

  it('suggests what five colleagues of the same tenant also took, never what another tenant did', async () => {
    for (const person of [...colleagues(5, 't1'), ...colleagues(9, 't2')]) {
      await view(person, 'breathe');
      await view(person, person.tenantId === 't1' ? 'budget' : 'move');
    }
    await view(alex, 'breathe');
    const picks = await f.recommendations.recommend(alex);
    assert.deepEqual(picks.find((p) => p.course.id === 'budget')?.reason, { kind: 'history', action: 'viewed', item: 'course:breathe' });
    assert.notEqual(picks.find((p) => p.course.id === 'move')?.reason.kind, 'history', 'the other tenant’s habits are invisible');
  });

  it('does not use what only four colleagues did', async () => {
    for (const person of colleagues(4)) {
      await view(person, 'breathe');
      await view(person, 'budget');
    }
    await view(alex, 'breathe');
    const budget = (await f.recommendations.recommend(alex)).find((p) => p.course.id === 'budget');
    assert.ok(!budget || (budget.reason.kind !== 'history' && budget.reason.kind !== 'popular'), JSON.stringify(budget?.reason));
  });

  it('records the courses shown by the command, with tracked links marked as coming from a recommendation', async () => {
    const card = await f.recommendations.cardFor(alex, 'en');
    assert.equal(card.items.length, 5);
    const shown = (await f.store.usage.listFor(alex)).filter((r) => r.kind === 'recommendation.shown').map((r) => r.itemId).sort();
    assert.deepEqual(shown, card.items.map((i) => i.courseId).sort());
    const token = new URL(card.items[0]!.openUrl).searchParams.get('t')!;
    assert.equal(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).via, 'rec');
  });

  it('remembers a dismissal and leaves the course out from then on', async () => {
    const before = await f.recommendations.cardFor(alex, 'en');
    const dismissed = before.items[0]!.courseId;
    const after = await f.recommendations.dismiss(alex, dismissed, 'en');
    assert.ok(!after.items.some((i) => i.courseId === dismissed));
    assert.equal(after.notice?.kind, 'dismissed');
    assert.ok(!(await f.recommendations.recommend(alex, 10)).some((p) => p.course.id === dismissed));
  });

  it('leaves out courses the person already opened', async () => {
    await view(alex, 'move');
    assert.ok(!(await f.recommendations.recommend(alex, 10)).some((p) => p.course.id === 'move'));
  });

  it('switches the weekly digest on and off, off by default', async () => {
    assert.equal((await f.recommendations.cardFor(alex, 'en')).weeklyDigest, false);
    const on = await f.recommendations.setWeeklyDigest(alex, true, 'en');
    assert.deepEqual([on.weeklyDigest, on.notice?.kind], [true, 'digestStarted']);
    assert.equal((await f.store.users.get(alex))?.preferences.weeklyDigest, true);
    const off = await f.recommendations.setWeeklyDigest(alex, false, 'en');
    assert.deepEqual([off.weeklyDigest, off.notice?.kind], [false, 'digestStopped']);
  });
});
