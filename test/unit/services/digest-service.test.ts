import assert from 'node:assert/strict';
import { openFixture, type Fixture } from './recommendation-fixture';

describe('weekly digest', () => {
  let f: Fixture;
  beforeEach(async () => (f = await openFixture()));
  afterEach(() => f.db.close());

  const alex = { userId: 'alex', tenantId: 't1' };
  const MONDAY_MORNING = '2026-11-30T08:30:00Z';
  const queued = () => f.db.collection('deliveries').find({}).toArray();
  async function subscribe(person = alex) {
    await f.recommendations.setWeeklyDigest(person, true, 'en');
    await f.usage.record({ ...person, kind: 'session.attended', itemType: 'session', itemId: 's-dormir' });
  }

  it('queues one digest per subscriber and week, however often it runs', async () => {
    await subscribe();
    f.clock.set(MONDAY_MORNING);
    assert.equal(await f.digests.enqueueDue(), 1);
    f.clock.advance(3_600_000);
    await f.digests.enqueueDue();
    const [notice, ...more] = await queued();
    assert.equal(more.length, 0);
    assert.equal(notice!._id, 'digest:2026-W49:t1:alex');
    assert.equal((notice!.payload as { kind: string }).kind, 'recommendations.digest');
    assert.ok(((notice!.payload as { courseIds: string[] }).courseIds).includes('sleep-7'));
  });

  it('queues nothing outside the Monday window', async () => {
    await subscribe();
    f.clock.set('2026-12-02T08:30:00Z');
    assert.equal(await f.digests.enqueueDue(), 0);
    assert.equal((await queued()).length, 0);
  });

  it('sends nothing to people who did not opt in', async () => {
    await f.usage.record({ ...alex, kind: 'session.attended', itemType: 'session', itemId: 's-dormir' });
    f.clock.set(MONDAY_MORNING);
    assert.equal(await f.digests.enqueueDue(), 0);
  });

  it('carries only personal recommendations: nothing when the app knows nothing about the person', async () => {
    await f.recommendations.setWeeklyDigest(alex, true, 'en');
    f.clock.set(MONDAY_MORNING);
    assert.equal(await f.digests.enqueueDue(), 0);
  });

  it('renders a queued digest without courses opened since, and nothing when none is left', async () => {
    await subscribe();
    f.clock.set(MONDAY_MORNING);
    await f.digests.enqueueDue();
    const courseIds = ((await queued())[0]!.payload as { courseIds: string[] }).courseIds;
    const digest = await f.recommendations.digestFor(alex, courseIds, 'en');
    assert.equal(digest?.occasion, 'digest');
    assert.deepEqual(digest?.items.map((i) => i.courseId), courseIds);
    assert.ok(digest!.items.every((item) => item.reason.kind === 'history' || item.reason.kind === 'interest'), 'only personal reasons');
    const shown = async () => (await f.store.usage.listFor(alex)).filter((record) => record.kind === 'recommendation.shown').length;
    assert.equal(await shown(), 0, 'composing a digest records nothing: a retried delivery would count twice');
    await f.recommendations.digestShown(alex, digest!);
    assert.equal(await shown(), courseIds.length);
    for (const id of courseIds) await f.usage.record({ ...alex, kind: 'course.viewed', itemType: 'course', itemId: id });
    assert.equal(await f.recommendations.digestFor(alex, courseIds, 'en'), undefined);
  });
});
