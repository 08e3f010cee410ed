import assert from 'node:assert/strict';
import { PersonalCourseRanking } from '../../../src/services/personal-course-ranking';
import { COURSES, openFixture, type Fixture } from './recommendation-fixture';

describe('searchCourses initial run, personalised', () => {
  let f: Fixture;
  let ranking: PersonalCourseRanking;
  beforeEach(async () => {
    f = await openFixture();
    ranking = new PersonalCourseRanking({ recommendations: f.recommendations, aggregates: f.store.usageAggregates });
  });
  afterEach(() => f.db.close());

  const alex = { userId: 'alex', tenantId: 't1' };
  const viewBy = async (count: number, courseId: string, tenantId: string) => {
    for (let i = 0; i < count; i += 1) await f.usage.record({ userId: `p${i}`, tenantId, kind: 'course.viewed', itemType: 'course', itemId: courseId });
  };

  it('puts the person’s recommendations first', async () => {
    await f.usage.record({ ...alex, kind: 'session.attended', itemType: 'session', itemId: 's-dormir' });
    const expected = (await f.recommendations.recommend(alex, 3)).map((p) => p.course.id);
    assert.deepEqual(await ranking.mostPopular(alex, 3), expected);
    assert.ok(COURSES.find((c) => c.id === expected[0])!.topics.includes('sleep'), expected[0]);
  });

  it('fills with what five or more people of the person’s own tenant used, never another tenant', async () => {
    await f.recommendations.dismiss(alex, 'sleep-7', 'en');
    await viewBy(5, 'grief', 't1');
    await viewBy(4, 'move', 't1');
    await viewBy(30, 'budget', 't2');
    const picks = (await f.recommendations.recommend(alex, 50)).map((p) => p.course.id);
    const ranked = await ranking.mostPopular(alex, 50);
    assert.deepEqual(ranked.slice(0, picks.length), picks);
    const fill = ranked.slice(picks.length);
    assert.ok(!fill.includes('budget') && !fill.includes('move') && !ranked.includes('sleep-7'), fill.join());
  });

  it('has nothing to say without a person', async () => {
    assert.deepEqual(await ranking.mostPopular(undefined, 25), []);
  });
});
