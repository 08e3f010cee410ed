import assert from 'node:assert/strict';
import type { UsageRecord } from '../../src/domain/usage';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { StoreCoursePopularity } from '../../src/store/repositories/course-popularity';
import { StoreUsageRepository, type UsageDocument } from '../../src/store/repositories/usage-repository';
import { FixedClock } from '../helpers/clock';
import { makeTempDir } from '../helpers/temp-dir';

describe('course popularity', () => {
  let db: EmbeddedDatabase;
  let usage: StoreUsageRepository;
  const clock = new FixedClock();

  beforeEach(() => {
    db = openEmbeddedDatabase({ dataDir: makeTempDir('popularity') });
    usage = new StoreUsageRepository(db.collection<UsageDocument>('usage'));
  });
  afterEach(() => db.close());

  const viewed = (userId: string, itemId: string, kind: UsageRecord['kind'] = 'course.viewed'): Promise<void> =>
    usage.record({ userId, tenantId: 't', kind, itemType: kind === 'course.viewed' ? 'course' : 'session', itemId, at: clock.now() });

  it('ranks courses by how many times anyone viewed them, ties by id, ignoring other usage', async () => {
    await viewed('u1', 'c-2');
    await viewed('u2', 'c-2');
    await viewed('u1', 'c-9');
    await viewed('u3', 'c-1');
    await viewed('u1', 'c-5', 'session.booked');
    const popularity = new StoreCoursePopularity(db.collection<UsageDocument>('usage'), () => clock.now());
    assert.deepEqual(await popularity.mostPopular(undefined, 10), ['c-2', 'c-1', 'c-9']);
    assert.deepEqual(await popularity.mostPopular(undefined, 1), ['c-2']);
  });

  it('recounts at most once a minute', async () => {
    const popularity = new StoreCoursePopularity(db.collection<UsageDocument>('usage'), () => clock.now());
    await viewed('u1', 'c-1');
    assert.deepEqual(await popularity.mostPopular(undefined, 5), ['c-1']);
    await viewed('u1', 'c-2');
    await viewed('u2', 'c-2');
    assert.deepEqual(await popularity.mostPopular(undefined, 5), ['c-1']);
    clock.advance(60_000);
    assert.deepEqual(await popularity.mostPopular(undefined, 5), ['c-2', 'c-1']);
  });
});
