import assert from 'node:assert/strict';
import { recommend, TenantMismatchError, type RecommendInput } from '../../../src/domain/recommendation/recommend';
import { MIN_PEOPLE } from '../../../src/domain/recommendation/signals';
import { emptyTenantSignals } from '../../../src/domain/recommendation/tenant-signals';
import { ALICE, NOW, course, profile, tenant, trace } from './builders';

const CATALOGUE = [
  course('sleep-1', ['sleep'], { durationMinutes: 35 }),
  course('sleep-2', ['sleep'], { durationMinutes: 20 }),
  course('sleep-3', ['sleep'], { durationMinutes: 25 }),
  course('stress-1', ['stress'], { durationMinutes: 40 }),
  course('grief-1', ['grief'], { durationMinutes: 30 }),
  course('money-1', ['financial stress'], { durationMinutes: 30 }),
  course('move-1', ['movement'], { durationMinutes: 15 }),
  course('dormir-1', ['sleep'], { durationMinutes: 35, language: 'fr' }),
];

function input(overrides: Partial<RecommendInput> = {}): RecommendInput {
  return { person: ALICE, now: NOW, profile: profile([]), interests: [], language: 'en', courses: CATALOGUE, tenant: emptyTenantSignals('t1'), limit: 5, ...overrides };
}
const ids = (input_: RecommendInput) => recommend(input_).map((r) => r.courseId);

describe('recommendation: the hybrid scorer', () => {
  it('recommends courses on the topics of what the person attended, saying so', () => {
    const history = profile([trace('session', 'mieux-dormir', ['sleep'], { booked: 1, attended: 1 }, 3)]);
    const [first] = recommend(input({ profile: history }));
    assert.ok(first!.topics.includes('sleep'), first!.courseId);
    assert.deepEqual(first!.reason, { kind: 'history', action: 'attended', item: 'session:mieux-dormir' });
  });

  it('prefers the recent topic over an old one', () => {
    const history = profile([
      trace('session', 'old', ['grief'], { attended: 2 }, 150),
      trace('course', 'recent', ['stress'], { viewed: 1 }, 2),
    ]);
    assert.equal(ids(input({ profile: history }))[0], 'stress-1');
  });

  it('recommends what colleagues who took the same thing also took, from 5 people up', () => {
    const history = profile([trace('session', 's1', ['sleep'], { attended: 1 }, 2)]);
    const pairs = (n: number) => tenant('t1', { 'session:s1': 30, 'course:money-1': 30 }, [['session:s1', 'course:money-1', n]]);
    const withFive = recommend(input({ profile: history, tenant: pairs(MIN_PEOPLE) }));
    const money = withFive.find((r) => r.courseId === 'money-1');
    assert.ok(money, 'co-occurrence surfaces an off-topic course');
    assert.deepEqual(money.reason, { kind: 'history', action: 'attended', item: 'session:s1' });
    const withFour = recommend(input({ profile: history, tenant: pairs(MIN_PEOPLE - 1) }));
    const moneyWithFour = withFour.find((r) => r.courseId === 'money-1');
    assert.ok(!moneyWithFour || (moneyWithFour.reason.kind !== 'history' && moneyWithFour.score < money.score), 'four colleagues are not enough');
  });

  it('uses popularity as a prior, only from 5 people up', () => {
    const popular = recommend(input({ tenant: tenant('t1', { 'course:grief-1': MIN_PEOPLE, 'course:stress-1': 40 }) }));
    assert.deepEqual(popular.slice(0, 2).map((r) => [r.courseId, r.reason.kind]), [['stress-1', 'popular'], ['grief-1', 'popular']]);
    const tooFew = recommend(input({ tenant: tenant('t1', { 'course:grief-1': MIN_PEOPLE - 1 }) }));
    assert.ok(tooFew.every((r) => r.reason.kind !== 'popular'));
  });

  it('explains by the person’s own history rather than popularity when both weigh about the same', () => {
    const history = profile([trace('course', 'x', ['stress'], { viewed: 1 }, 1)]);
    const signals = tenant('t1', { 'course:x': 6, 'course:money-1': 5 }, [['course:x', 'course:money-1', 5]]);
    const money = recommend(input({ profile: history, tenant: signals })).find((r) => r.courseId === 'money-1');
    assert.deepEqual(money?.reason, { kind: 'history', action: 'viewed', item: 'course:x' });
  });

  describe('cold start', () => {
    it('starts from the interests the person picked', () => {
      const picks = recommend(input({ interests: ['Grief', 'movement'], tenant: tenant('t1', { 'course:stress-1': 50 }) }));
      assert.deepEqual(picks.slice(0, 2).map((r) => r.courseId).sort(), ['grief-1', 'move-1']);
      assert.deepEqual(picks[0]!.reason.kind, 'interest');
    });

    it('offers short courses in the person’s language when nothing is known', () => {
      const picks = recommend(input());
      assert.deepEqual(picks.map((r) => r.courseId), ['move-1', 'sleep-2', 'sleep-3', 'grief-1', 'money-1']);
      assert.ok(picks.every((r) => r.reason.kind === 'starter'));
    });
  });

  it('leaves out courses the person opened or dismissed', () => {
    const history = profile([trace('course', 'sleep-1', ['sleep'], { viewed: 1 }, 1)], ['sleep-2']);
    const picked = ids(input({ profile: history }));
    assert.ok(!picked.includes('sleep-1') && !picked.includes('sleep-2'), picked.join());
    assert.ok(picked.includes('sleep-3'));
  });

  it('keeps the top five diverse: no more than two on one topic', () => {
    const history = profile([trace('session', 's1', ['sleep'], { attended: 3 }, 1)]);
    const picks = recommend(input({ profile: history }));
    assert.equal(picks.length, 5);
    assert.equal(picks.filter((r) => r.topics.includes('sleep')).length, 2);
  });

  it('prefers courses in the person’s language', () => {
    const history = profile([trace('session', 's1', ['sleep'], { attended: 1 }, 1)]);
    assert.ok(!ids(input({ profile: history })).includes('dormir-1'));
    assert.equal(ids(input({ profile: history, language: 'fr' }))[0], 'dormir-1');
  });

  it('gives the same answer for the same input, ties going to the smaller id', () => {
    const twins = [course('b', ['sleep']), course('a', ['sleep'])];
    assert.deepEqual(ids(input({ courses: twins })), ['a', 'b']);
    const busy = input({ profile: profile([trace('session', 's1', ['sleep'], { attended: 1 }, 4), trace('course', 'x', ['stress'], { viewed: 2 }, 9)]), interests: ['grief'] });
    assert.deepEqual(recommend(busy), recommend(busy));
  });

  it('refuses counts from another tenant', () => {
    assert.throws(() => recommend(input({ tenant: emptyTenantSignals('t2') })), (error: unknown) => error instanceof TenantMismatchError && error.code === 'TENANT_MISMATCH');
  });

  it('gives reasons that name only the person’s own items, their interests, or a count of 5+', () => {
    const history = profile([trace('session', 's1', ['sleep'], { attended: 1 }, 2), trace('room', 'r1', ['stress'], { visited: 2 }, 5)]);
    const signals = tenant('t1', { 'session:s1': 9, 'course:grief-1': 9, 'course:money-1': 3, 'course:move-1': 12 }, [['session:s1', 'course:grief-1', 6], ['session:s1', 'course:money-1', 3]]);
    for (const r of recommend(input({ profile: history, tenant: signals, interests: ['movement'], limit: 8 }))) {
      if (r.reason.kind === 'history') assert.ok(r.reason.item in history.items, r.reason.item);
      if (r.reason.kind === 'popular') assert.ok((signals.popularity.get(`course:${r.courseId}`) ?? 0) >= MIN_PEOPLE);
      if (r.reason.kind === 'interest') assert.equal(r.reason.topic, 'movement');
    }
  });
});
