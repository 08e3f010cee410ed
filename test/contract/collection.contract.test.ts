import assert from 'node:assert/strict';
import type { StoreCollection, StoreDatabase } from '../../src/store/collection';
import { isDuplicateKeyError } from '../../src/store/collection';
import { forEachEngine } from '../helpers/databases';

interface Counter { _id: string; count: number; tags?: string[]; at?: Date; nested?: { a: number } }

/** The MongoDB semantics repositories rely on, checked on every engine. */
describe('collection contract', () => {
  forEachEngine((engine) => {
    let db: StoreDatabase;
    let counters: StoreCollection<Counter>;
    beforeEach(async () => {
      db = await engine.open();
      counters = db.collection<Counter>('counters');
    });
    afterEach(() => db.close());

    it('inserts, finds, sorts, skips, limits and projects', async () => {
      await counters.insertMany([{ _id: 'b', count: 2 }, { _id: 'a', count: 1 }, { _id: 'c', count: 3 }]);
      const page = await counters.find({ count: { $gte: 1 } }, { sort: { count: -1 }, skip: 1, limit: 1, projection: { count: 1 } }).toArray();
      assert.deepEqual(page, [{ _id: 'b', count: 2 }]);
      assert.equal(await counters.countDocuments({ count: { $lt: 3 } }), 2);
    });

    it('keeps dates as dates and values as written', async () => {
      const at = new Date('2026-12-03T11:30:00.123Z');
      await counters.insertOne({ _id: 'd', count: 0, at, nested: { a: 1 } });
      const found = await counters.findOne({ at: { $gte: new Date('2026-12-01T00:00:00Z') } });
      assert.ok(found?.at instanceof Date);
      assert.equal(found.at.getTime(), at.getTime());
    });

    it('rejects a second document with the same _id with a duplicate-key error', async () => {
      await counters.insertOne({ _id: 'x', count: 0 });
      await assert.rejects(counters.insertOne({ _id: 'x', count: 1 }), (error: unknown) => isDuplicateKeyError(error));
    });

    it('enforces unique indexes', async () => {
      await counters.createIndex({ count: 1 }, { unique: true, name: 'count_unique' });
      await counters.insertOne({ _id: 'one', count: 1 });
      await assert.rejects(counters.insertOne({ _id: 'two', count: 1 }), (error: unknown) => isDuplicateKeyError(error));
      await assert.rejects(counters.updateOne({ _id: 'one' }, { $set: { count: 1 } }).then(() => counters.insertOne({ _id: 'three', count: 1 })), (error: unknown) => isDuplicateKeyError(error));
    });

    it('finds the same documents by a path through an array before and after an index on that path', async () => {
      const sessions = db.collection<{ _id: string; booked?: { key: string }[] }>('places');
      await sessions.insertMany([{ _id: 's1', booked: [{ key: 'k1' }, { key: 'k2' }] }, { _id: 's2', booked: [{ key: 'k2' }] }, { _id: 's3' }]);
      const counts = async () => [await sessions.countDocuments({ 'booked.key': 'k1' }), await sessions.countDocuments({ 'booked.key': 'k2' }), await sessions.countDocuments({ 'booked.key': 'k3' })];
      assert.deepEqual(await counts(), [1, 2, 0]);
      await sessions.createIndex({ 'booked.key': 1 }, { name: 'places_booked_key' });
      assert.deepEqual(await counts(), [1, 2, 0]);
      await sessions.updateOne({ _id: 's3' }, { $push: { booked: { key: 'k3' } } });
      assert.deepEqual(await counts(), [1, 2, 1]);
      assert.deepEqual((await sessions.find({ 'booked.key': 'k2' }, { sort: { _id: 1 }, projection: { _id: 1 } }).toArray()).map((doc) => doc._id), ['s1', 's2']);
    });

    it('finds documents by a path through an array when the index was there before them', async () => {
      const sessions = db.collection<{ _id: string; booked?: { key: string }[] }>('places');
      await sessions.createIndex({ 'booked.key': 1 }, { name: 'places_booked_key' });
      await sessions.insertOne({ _id: 'empty' });
      assert.equal(await sessions.countDocuments({ 'booked.key': 'k1' }), 0);
      await sessions.insertOne({ _id: 's1', booked: [{ key: 'k1' }] });
      assert.equal(await sessions.countDocuments({ 'booked.key': 'k1' }), 1);
      await sessions.updateOne({ _id: 's1' }, { $pull: { booked: { key: 'k1' } } });
      assert.equal(await sessions.countDocuments({ 'booked.key': 'k1' }), 0);
    });

    it('finds the same documents by the leading fields of a compound index as without it', async () => {
      const queue = db.collection<{ _id: string; status: string; dueAt: Date; note?: string }>('queue');
      const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
      await queue.insertMany([
        { _id: 'a', status: 'pending', dueAt: at(5) }, { _id: 'b', status: 'done', dueAt: at(1) },
        { _id: 'c', status: 'pending', dueAt: at(1), note: 'x|y' }, { _id: 'd', status: 'dead', dueAt: at(5) },
      ]);
      const reads = async () => [
        (await queue.find({ status: 'pending' }, { sort: { dueAt: 1 } }).toArray()).map((doc) => doc._id),
        (await queue.find({ status: 'pending', dueAt: { $lte: at(2) } }).toArray()).map((doc) => doc._id),
        (await queue.find({ status: 'done', dueAt: at(1) }).toArray()).map((doc) => doc._id),
        (await queue.find({ status: 'pending', note: 'x|y' }).toArray()).map((doc) => doc._id),
        await queue.countDocuments({ status: 'gone' }),
      ];
      const without = await reads();
      assert.deepEqual(without, [['c', 'a'], ['c'], ['b'], ['c'], 0]);
      await queue.createIndex({ status: 1, dueAt: 1 }, { name: 'queue_due' });
      await queue.createIndex({ status: 1, note: 1 }, { name: 'queue_note' });
      assert.deepEqual(await reads(), without);
      await queue.updateOne({ _id: 'a' }, { $set: { status: 'done' } });
      assert.deepEqual((await queue.find({ status: 'pending' }).toArray()).map((doc) => doc._id), ['c']);
      assert.deepEqual((await queue.find({ status: 'done' }, { sort: { _id: 1 } }).toArray()).map((doc) => doc._id), ['a', 'b']);
    });

    it('upserts from the filter and applies $setOnInsert only on insert', async () => {
      await counters.updateOne({ _id: 'u' }, { $setOnInsert: { tags: ['new'] }, $inc: { count: 1 } }, { upsert: true });
      await counters.updateOne({ _id: 'u' }, { $setOnInsert: { tags: ['again'] }, $inc: { count: 1 } }, { upsert: true });
      assert.deepEqual(await counters.findOne({ _id: 'u' }), { _id: 'u', count: 2, tags: ['new'] });
    });

    it('returns the document before or after a findOneAndUpdate', async () => {
      await counters.insertOne({ _id: 'f', count: 1 });
      const before = await counters.findOneAndUpdate({ _id: 'f' }, { $inc: { count: 1 } }, { returnDocument: 'before' });
      const after = await counters.findOneAndUpdate({ _id: 'f' }, { $inc: { count: 1 } }, { returnDocument: 'after' });
      assert.equal(before?.count, 1);
      assert.equal(after?.count, 3);
      assert.equal(await counters.findOneAndUpdate({ _id: 'missing' }, { $inc: { count: 1 } }, { returnDocument: 'after' }), null);
    });

    it('applies array operators the way MongoDB does', async () => {
      await counters.insertOne({ _id: 't', count: 0, tags: ['a'] });
      await counters.updateOne({ _id: 't' }, { $push: { tags: 'b' } });
      await counters.updateOne({ _id: 't' }, { $addToSet: { tags: 'a' } });
      await counters.updateOne({ _id: 't' }, { $pull: { tags: 'a' } });
      assert.deepEqual((await counters.findOne({ _id: 't' }))?.tags, ['b']);
      assert.equal(await counters.countDocuments({ tags: 'b' }), 1);
      assert.equal(await counters.countDocuments({ tags: { $ne: 'b' } }), 0);
      assert.equal(await counters.countDocuments({ tags: { $nin: ['b'] } }), 0);
    });

    it('updates the matched array element with a positional path and with array filters', async () => {
      await counters.insertOne({ _id: 'p', count: 0, tags: ['a', 'b', 'c'] });
      await counters.updateOne({ _id: 'p', tags: 'b' }, { $set: { 'tags.$': 'B' } });
      await counters.updateOne({ _id: 'p' }, { $set: { 'tags.$[t]': 'C' } }, { arrayFilters: [{ t: 'c' }] });
      assert.deepEqual((await counters.findOne({ _id: 'p' }))?.tags, ['a', 'B', 'C']);
    });

    it('applies $unset, $min, $max, $mul and $rename, and reports no change when nothing changes', async () => {
      await counters.insertOne({ _id: 'o', count: 5, nested: { a: 1 }, tags: ['x'] });
      await counters.updateOne({ _id: 'o' }, { $min: { count: 3 }, $mul: { 'nested.a': 4 } });
      await counters.updateOne({ _id: 'o' }, { $max: { count: 2 }, $unset: { tags: '' } });
      assert.deepEqual(await counters.findOne({ _id: 'o' }), { _id: 'o', count: 3, nested: { a: 4 } });
      const unchanged = await counters.updateOne({ _id: 'o' }, { $set: { count: 3 } });
      assert.deepEqual([unchanged.matchedCount, unchanged.modifiedCount], [1, 0]);
    });

    it('keeps the stored document apart from the values the caller passed and from what it got back', async () => {
      const entry = { key: 'k', at: new Date('2026-12-01T00:00:00Z') };
      await counters.insertOne({ _id: 'iso', count: 0 });
      await counters.updateOne({ _id: 'iso' }, { $push: { tags: entry as unknown as string } });
      entry.key = 'changed by the caller';
      entry.at.setUTCFullYear(2000);
      const read = await counters.findOne({ _id: 'iso' });
      (read!.tags as unknown as { key: string }[])[0]!.key = 'changed after reading';
      const again = await counters.findOne({ _id: 'iso' });
      assert.deepEqual(again?.tags, [{ key: 'k', at: new Date('2026-12-01T00:00:00Z') }]);
    });

    it('updates and deletes many, reporting counts', async () => {
      await counters.insertMany([{ _id: '1', count: 1 }, { _id: '2', count: 2 }, { _id: '3', count: 3 }]);
      const updated = await counters.updateMany({ count: { $gte: 2 } }, { $inc: { count: 10 } });
      assert.equal(updated.matchedCount, 2);
      assert.equal(updated.modifiedCount, 2);
      assert.equal((await counters.deleteMany({ count: { $gt: 10 } })).deletedCount, 2);
      assert.equal((await counters.deleteOne({ _id: 'nope' })).deletedCount, 0);
      assert.equal(await counters.countDocuments(), 1);
    });

    it('takes user text as a value, never as an operator', async () => {
      await counters.insertOne({ _id: 'safe', count: 1 });
      const hostile = JSON.parse('{"$gt":""}') as unknown as string;
      assert.equal(await counters.countDocuments({ _id: { $eq: hostile } }), 0);
      assert.equal(await counters.countDocuments({ _id: { $eq: '.*' } }), 0);
    });

    it('aggregates', async () => {
      await counters.insertMany([{ _id: 'a', count: 1, tags: ['x'] }, { _id: 'b', count: 2, tags: ['x'] }, { _id: 'c', count: 5, tags: ['y'] }]);
      const groups = await counters.aggregate<{ _id: string; total: number }>([{ $unwind: '$tags' }, { $group: { _id: '$tags', total: { $sum: '$count' } } }, { $sort: { _id: 1 } }]).toArray();
      assert.deepEqual(groups, [{ _id: 'x', total: 3 }, { _id: 'y', total: 5 }]);
      const matched = await counters.aggregate<{ _id: string; doubled: number }>([{ $match: { _id: { $in: ['c', 'a', 'zz'] } } }, { $project: { doubled: { $multiply: ['$count', 2] } } }, { $sort: { _id: 1 } }]).toArray();
      assert.deepEqual(matched, [{ _id: 'a', doubled: 2 }, { _id: 'c', doubled: 10 }]);
      assert.deepEqual(await counters.aggregate([{ $match: { count: { $gt: 100 } } }]).toArray(), []);
    });

    it('never over-commits a counter under many concurrent conditional updates', async () => {
      await counters.insertOne({ _id: 'seats', count: 0 });
      const attempts = Array.from({ length: 500 }, () => counters.findOneAndUpdate({ _id: 'seats', count: { $lt: 20 } }, { $inc: { count: 1 } }, { returnDocument: 'after' }));
      const results = await Promise.all(attempts);
      assert.equal(results.filter((doc) => doc !== null).length, 20);
      assert.equal((await counters.findOne({ _id: 'seats' }))?.count, 20);
      assert.deepEqual(results.filter((doc) => doc !== null).map((doc) => doc!.count).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
});
