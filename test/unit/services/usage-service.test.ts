import assert from 'node:assert/strict';
import { recommendationProfileHolder } from '../../../src/services/recommendation-erasure';
import { usageHolder } from '../../../src/store/repositories/privacy-repositories';
import type { UsageDocument } from '../../../src/store/repositories/usage-repository';
import { openFixture, type Fixture } from './recommendation-fixture';

describe('UsageService', () => {
  let f: Fixture;
  beforeEach(async () => (f = await openFixture()));
  afterEach(() => f.db.close());

  const alex = { userId: 'alex', tenantId: 't1' };

  it('writes the raw record and updates the aggregates with the item’s catalogue topics', async () => {
    await f.usage.record({ ...alex, kind: 'session.attended', itemType: 'session', itemId: 's-dormir' });
    const [raw] = await f.store.usage.listFor(alex);
    assert.deepEqual(raw, { userId: 'alex', tenantId: 't1', kind: 'session.attended', itemType: 'session', itemId: 's-dormir', at: f.clock.now() });
    const profile = await f.store.usageAggregates.profile(alex);
    assert.deepEqual(profile.items['session:s-dormir']!.topics, ['sleep']);
    assert.equal((await f.store.usageAggregates.tenantSignals('t1', [])).popularity.get('session:s-dormir'), 1);
  });

  it('keeps shown recommendations as raw records only', async () => {
    await f.usage.record({ ...alex, kind: 'recommendation.shown', itemType: 'course', itemId: 'grief' });
    assert.equal((await f.store.usage.listFor(alex)).length, 1);
    assert.deepEqual(await f.store.usageAggregates.profile(alex), { items: {}, dismissed: [] });
  });

  it('is erased, in the erasure\'s order, with the raw records, profile and share of the tenant counts', async () => {
    const blair = { userId: 'blair', tenantId: 't1' };
    for (const person of [alex, blair]) {
      await f.usage.record({ ...person, kind: 'course.viewed', itemType: 'course', itemId: 'grief' });
      await f.usage.record({ ...person, kind: 'course.viewed', itemType: 'course', itemId: 'move' });
    }
    // As the erasure registry runs them: the profile first (it needs the usage), then the raw records.
    await recommendationProfileHolder(f.store.usageAggregates).eraseFor(alex);
    assert.equal(await usageHolder(f.store.db.collection<UsageDocument>('usage')).eraseFor(alex), 2);
    assert.deepEqual(await f.store.usage.listFor(alex), []);
    assert.deepEqual(await f.store.usageAggregates.profile(alex), { items: {}, dismissed: [] });
    const signals = await f.store.usageAggregates.tenantSignals('t1', ['course:grief']);
    assert.equal(signals.popularity.get('course:grief'), 1);
    assert.equal(signals.cooccurrence.get('course:grief')!.get('course:move'), 1);
    assert.equal((await f.store.usage.listFor(blair)).length, 2);
  });
});
