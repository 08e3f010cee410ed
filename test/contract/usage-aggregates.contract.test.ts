import assert from 'node:assert/strict';
import { UsageAggregator } from '../../src/domain/recommendation/aggregator';
import type { TenantSignals } from '../../src/domain/recommendation/tenant-signals';
import type { ItemType, UsageKind, UsageRecord } from '../../src/domain/usage';
import type { StoreCollection, StoreDatabase } from '../../src/store/collection';
import { createStore, type Store } from '../../src/store/open-store';
import type { ProfileDocument } from '../../src/store/repositories/usage-aggregate-documents';
import { StoreUsageAggregateRepository } from '../../src/store/repositories/usage-aggregates';
import { forEachEngine } from '../helpers/databases';

const T0 = new Date('2026-11-01T00:00:00Z').getTime();
const at = (hours: number) => new Date(T0 + hours * 3_600_000);
const TOPICS: Record<string, string[]> = { a: ['sleep'], b: ['sleep', 'anxiety'], c: ['grief'], 'x.y$z%2E': ['odd'] };
const topicsOf = (record: UsageRecord) => TOPICS[record.itemId] ?? ['misc'];

function rec(userId: string, kind: UsageKind, itemId: string, hours: number, tenantId = 't1'): UsageRecord {
  const itemType: ItemType = kind.startsWith('session') ? 'session' : kind.startsWith('room') ? 'room' : 'course';
  return { userId, tenantId, kind, itemType, itemId, at: at(hours) };
}

/** A small random history over 2 tenants, reproducible. */
function history(): UsageRecord[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const kinds: UsageKind[] = ['course.viewed', 'course.viewed', 'session.booked', 'session.attended', 'session.cancelled', 'room.visited', 'recommendation.shown'];
  return Array.from({ length: 240 }, (_, i) => rec(`u${Math.floor(rand() * 9)}`, kinds[Math.floor(rand() * kinds.length)]!, ['a', 'b', 'c', 'd', 'e', 'x.y$z%2E'][Math.floor(rand() * 6)]!, i, rand() < 0.7 ? 't1' : 't2'));
}

function reference(records: readonly UsageRecord[]): UsageAggregator {
  const aggregator = new UsageAggregator();
  for (const record of records) aggregator.add(record, topicsOf(record));
  return aggregator;
}

const plain = (signals: TenantSignals) => ({
  popularity: Object.fromEntries([...signals.popularity].filter(([, n]) => n > 0).sort()),
  cooccurrence: Object.fromEntries([...signals.cooccurrence].map(([k, row]) => [k, Object.fromEntries([...row].filter(([, n]) => n > 0).sort())]).filter(([, row]) => Object.keys(row as object).length > 0).sort()),
});

forEachEngine((engine) => {
  let db: StoreDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await engine.open();
    store = createStore(db);
  });
  afterEach(() => db.close());

  describe('usage aggregates', () => {

    const apply = async (records: readonly UsageRecord[]) => {
      for (const record of records) await store.usageAggregates.apply(record, topicsOf(record));
    };
    const allKeys = ['course:a', 'course:b', 'course:c', 'course:d', 'course:e', 'course:x.y$z%2E', 'session:a', 'session:b', 'session:c', 'session:d', 'session:e', 'session:x.y$z%2E', 'room:a', 'room:b', 'room:c', 'room:d', 'room:e', 'room:x.y$z%2E'];
    async function assertMatches(expected: UsageAggregator, people: readonly string[]) {
      for (const tenantId of ['t1', 't2']) {
        assert.deepEqual(plain(await store.usageAggregates.tenantSignals(tenantId, allKeys)), plain(expected.signals(tenantId, allKeys)), `tenant ${tenantId}`);
        for (const userId of people) {
          const person = { userId, tenantId };
          assert.deepEqual(await store.usageAggregates.profile(person), expected.profile(person), `${tenantId}/${userId}`);
        }
      }
    }

    it('keeps a trace per item: counts per signal, first and last time, topics', async () => {
      await apply([rec('u1', 'session.booked', 'a', 5), rec('u1', 'session.attended', 'a', 9), rec('u1', 'session.booked', 'a', 1)]);
      const trace = (await store.usageAggregates.profile({ userId: 'u1', tenantId: 't1' })).items['session:a'];
      assert.deepEqual(trace, { itemType: 'session', itemId: 'a', topics: ['sleep'], first: at(1), last: at(9), signals: { booked: 2, attended: 1 } });
    });

    it('counts each person once per item and once per pair', async () => {
      await apply([rec('u1', 'course.viewed', 'a', 1), rec('u1', 'course.viewed', 'a', 2), rec('u1', 'course.viewed', 'b', 3), rec('u2', 'course.viewed', 'b', 4), rec('u2', 'course.viewed', 'a', 5), rec('u2', 'course.viewed', 'b', 6)]);
      const signals = await store.usageAggregates.tenantSignals('t1', ['course:a', 'course:b']);
      assert.equal(signals.popularity.get('course:a'), 2);
      assert.equal(signals.cooccurrence.get('course:a')!.get('course:b'), 2);
      assert.equal(signals.cooccurrence.get('course:b')!.get('course:a'), 2);
    });

    it('agrees with the in-memory reference rules on a mixed history, odd ids included', async () => {
      const records = history();
      await apply(records);
      await assertMatches(reference(records), ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    });

    it('counts each pair once when one person’s records arrive at the same time', async () => {
      const items = ['a', 'b', 'c', 'd', 'e'];
      await Promise.all(items.map((item, i) => store.usageAggregates.apply(rec('u1', 'course.viewed', item, i), ['sleep'])));
      const signals = await store.usageAggregates.tenantSignals('t1', items.map((i) => `course:${i}`));
      for (const a of items) for (const b of items) if (a !== b) assert.equal(signals.cooccurrence.get(`course:${a}`)?.get(`course:${b}`), 1, `${a}-${b}`);
    });

    it('never shows one tenant’s counts to another', async () => {
      await apply([rec('u1', 'course.viewed', 'a', 1, 't1'), rec('u1', 'course.viewed', 'b', 2, 't1')]);
      const other = await store.usageAggregates.tenantSignals('t2', ['course:a', 'course:b']);
      assert.equal(other.popularity.size, 0);
      assert.equal(other.cooccurrence.size, 0);
      assert.equal(other.tenantId, 't2');
    });

    it('remembers dismissed courses', async () => {
      const person = { userId: 'u1', tenantId: 't1' };
      await store.usageAggregates.dismiss(person, 'c-7');
      await store.usageAggregates.dismiss(person, 'c-7');
      assert.deepEqual((await store.usageAggregates.profile(person)).dismissed, ['c-7']);
    });

    it('forgets a person: their profile goes and their contribution leaves the tenant counts', async () => {
      const records = history();
      await apply(records);
      const forgotten = { userId: 'u3', tenantId: 't1' };
      await store.usageAggregates.dismiss(forgotten, 'c-1');
      await store.usageAggregates.forget(forgotten);
      const expected = reference(records.filter((r) => !(r.userId === 'u3' && r.tenantId === 't1')));
      await assertMatches(expected, ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
      assert.equal(await db.collection('usageProfiles').countDocuments({ userId: 'u3', tenantId: 't1' }), 0);
    });

    /** The profiles collection, failing once on the first call that `fails` picks out. */
    function failingOnce(fails: (method: string, args: unknown[]) => boolean): StoreCollection<ProfileDocument> {
      const real = db.collection<ProfileDocument>('usageProfiles');
      let failed = false;
      return new Proxy(real, {
        get(target, method: string) {
          const value = Reflect.get(target, method, target) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (!failed && fails(method, args)) {
              failed = true;
              return Promise.reject(new Error('simulated crash'));
            }
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    }

    for (const [stage, fails, exact] of [
      ['before the profile is deleted', (method: string) => method === 'deleteOne', true],
      ['between an item’s counts and its removal from the profile', (method: string, args: unknown[]) => method === 'updateOne' && '$unset' in (args[1] as object), false],
    ] as const) {
      it(`finishes a forget interrupted ${stage} when run again, never leaving a count too high`, async () => {
        const records = history();
        await apply(records);
        const forgotten = { userId: 'u3', tenantId: 't1' };
        const flaky = new StoreUsageAggregateRepository(failingOnce(fails), db.collection('usagePopularity'), db.collection('usageCooccurrence'));
        await assert.rejects(flaky.forget(forgotten), /simulated crash/);
        await flaky.forget(forgotten);
        const expected = reference(records.filter((r) => !(r.userId === 'u3' && r.tenantId === 't1')));
        assert.deepEqual(await store.usageAggregates.profile(forgotten), { items: {}, dismissed: [] });
        for (const tenantId of ['t1', 't2']) {
          const actual = plain(await store.usageAggregates.tenantSignals(tenantId, allKeys));
          const wanted = plain(expected.signals(tenantId, allKeys));
          if (exact) assert.deepEqual(actual, wanted);
          for (const [key, count] of Object.entries(actual.popularity)) assert.ok(count <= (wanted.popularity[key] ?? 0), key);
          for (const [key, row] of Object.entries(actual.cooccurrence)) for (const [other, n] of Object.entries(row as Record<string, number>)) assert.ok(n <= ((wanted.cooccurrence[key] as Record<string, number> | undefined)?.[other] ?? 0), `${key}/${other}`);
        }
      });
    }

    it('forgets someone it never saw without error, creating nothing and changing no count', async () => {
      await apply([rec('u1', 'course.viewed', 'a', 1), rec('u1', 'course.viewed', 'b', 2)]);
      const collections = ['usageProfiles', 'usagePopularity', 'usageCooccurrence'];
      const documents = async () => Promise.all(collections.map((name) => db.collection(name).find({}, { sort: { _id: 1 } }).toArray()));
      const before = await documents();
      assert.ok(before.every((docs) => docs.length > 0), 'every aggregate collection holds something to compare');
      const signalsBefore = plain(await store.usageAggregates.tenantSignals('t1', allKeys));
      await store.usageAggregates.forget({ userId: 'nobody', tenantId: 't1' });
      assert.deepEqual(await documents(), before);
      assert.deepEqual(plain(await store.usageAggregates.tenantSignals('t1', allKeys)), signalsBefore);
      assert.equal(await db.collection('usageProfiles').countDocuments({ userId: 'nobody' }), 0);
    });

    it('imports a snapshot folded in memory that reads back the same', async () => {
      const expected = reference(history());
      expected.dismiss({ userId: 'u2', tenantId: 't1' }, 'c-9');
      await store.usageAggregates.importSnapshot(expected);
      await assertMatches(expected, ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
      await assert.rejects(store.usageAggregates.importSnapshot(expected), /empty/);
    });
  });

  describe('rooms and digest subscribers', () => {

    it('upserts rooms by id and reads them back', async () => {
      const room = { id: 'r-1', title: 'Calm room', description: 'Guided breathing on loop.', topics: ['stress'], language: 'en' as const, url: 'https://rooms.example.com/r-1' };
      await store.rooms.upsertMany([room, { ...room, id: 'r-2' }]);
      await store.rooms.upsertMany([{ ...room, title: 'Calm room (new)' }]);
      assert.deepEqual(await store.rooms.get('r-1'), { ...room, title: 'Calm room (new)' });
      assert.deepEqual((await store.rooms.getMany(['r-2', 'r-3'])).map((r) => r.id), ['r-2']);
      assert.equal((await store.rooms.listAll()).length, 2);
    });

    it('lists the people who asked for the weekly digest, page by page', async () => {
      for (const userId of ['u1', 'u2', 'u3', 'u4']) {
        await store.users.upsertSeen({ userId, tenantId: 't1' }, undefined, new Date(T0));
        await store.users.updatePreferences({ userId, tenantId: 't1' }, { weeklyDigest: userId !== 'u2' });
      }
      const first = await store.users.listDigestSubscribers(2);
      const second = await store.users.listDigestSubscribers(2, first[first.length - 1]!.userId);
      assert.deepEqual([...first, ...second].map((u) => u.userId), ['u1', 'u3', 'u4']);
    });
  });
});
