import assert from 'node:assert/strict';
import type { Notice } from '../../src/domain/notices';
import type { StoreDatabase } from '../../src/store/collection';
import { createStore, type Store } from '../../src/store/open-store';
import { createPrivacyStore, type PrivacyStore } from '../../src/store/privacy-store';
import { forEachEngine } from '../helpers/databases';

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const alex = { userId: 'u-alex', tenantId: 't-1' };
const blair = { userId: 'u-blair', tenantId: 't-1' };

function reminder(person = alex, sessionId = 's-1', offsetMs = 900_000, dueAt = T0): Notice {
  return { key: `reminder:${sessionId}:0:${offsetMs}:${person.tenantId}:${person.userId}`, person, dueAt, payload: { kind: 'session.reminder', sessionId, offsetMs, startsAt: at(offsetMs) } };
}

describe('delivery queue', () => {
  forEachEngine((engine) => {
    let db: StoreDatabase;
    let store: Store;
    let privacyStore: PrivacyStore;
    beforeEach(async () => {
      db = await engine.open();
      store = createStore(db, () => T0);
      privacyStore = createPrivacyStore(db);
    });
    afterEach(() => db.close());

    it('enqueues a key once, however often it is asked, even after delivery', async () => {
      assert.equal(await store.deliveries.enqueue(reminder()), true);
      assert.equal(await store.deliveries.enqueue(reminder()), false);
      const [item] = await store.deliveries.claimDue('a', T0, 10, 60_000);
      await store.deliveries.complete(item!, T0, 'sent');
      assert.equal(await store.deliveries.enqueue(reminder()), false, 'a delivered key is never queued again');
      assert.deepEqual(await store.deliveries.claimDue('a', at(1), 10, 60_000), []);
    });

    it('hands out only due items, soonest first, up to the limit', async () => {
      await store.deliveries.enqueue(reminder(alex, 's-2', 1, at(2_000)));
      await store.deliveries.enqueue(reminder(alex, 's-1', 1, at(1_000)));
      await store.deliveries.enqueue(reminder(alex, 's-3', 1, at(9_000)));
      const claimed = await store.deliveries.claimDue('a', at(5_000), 10, 60_000);
      assert.deepEqual(claimed.map((item) => item.payload.kind === 'session.reminder' && item.payload.sessionId), ['s-1', 's-2']);
      assert.equal(claimed[0]!.attempts, 1);
      assert.equal((await store.deliveries.claimDue('a', at(5_000), 1, 60_000)).length, 0);
    });

    it('never leases one item to two claims, however they interleave', async () => {
      for (let i = 0; i < 60; i += 1) await store.deliveries.enqueue(reminder({ userId: `u-${i}`, tenantId: 't-1' }));
      const keys: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => store.deliveries.claimDue(`instance-${i}`, T0, 7, 60_000)));
        keys.push(...batches.flat().map((item) => item.key));
      }
      assert.equal(new Set(keys).size, keys.length, 'no item leased twice');
      assert.equal(keys.length, 60, 'and every item leased once');
    });

    it("gives a crashed instance's items to another once the lease runs out, and refuses the late owner", async () => {
      await store.deliveries.enqueue(reminder());
      const [first] = await store.deliveries.claimDue('crashed', T0, 10, 30_000);
      assert.deepEqual(await store.deliveries.claimDue('other', at(29_999), 10, 30_000), []);
      const [second] = await store.deliveries.claimDue('other', at(30_000), 10, 30_000);
      assert.equal(second!.key, first!.key);
      assert.equal(second!.attempts, 2);
      assert.equal(await store.deliveries.complete(first!, at(30_001), 'sent'), false, 'the first claim no longer holds it');
      assert.equal(await store.deliveries.complete(second!, at(30_001), 'sent'), true);
    });

    it('puts a failed item back for later; throttling does not use up an attempt', async () => {
      await store.deliveries.enqueue(reminder());
      const [item] = await store.deliveries.claimDue('a', T0, 10, 60_000);
      await store.deliveries.retryLater(item!, at(5_000), 'THROTTLED: bot-connector 429', false);
      assert.deepEqual(await store.deliveries.claimDue('a', at(4_999), 10, 60_000), []);
      const [again] = await store.deliveries.claimDue('a', at(5_000), 10, 60_000);
      assert.equal(again!.attempts, 1);
      const [row] = await store.deliveryAdmin.list('failing', at(5_000));
      assert.equal(row!.throttled, 1);
      assert.equal(row!.lastError, 'THROTTLED: bot-connector 429');
    });

    it('keeps dead items with their reason, lists them without ids of people, and retries them', async () => {
      await store.deliveries.enqueue(reminder());
      await store.deliveries.enqueue(reminder(blair));
      for (const item of await store.deliveries.claimDue('a', T0, 10, 60_000)) await store.deliveries.deadLetter(item, 'BLOCKED: they blocked the app', T0);
      const dead = await store.deliveryAdmin.list('dead', T0);
      assert.equal(dead.length, 2);
      assert.equal(dead[0]!.lastError, 'BLOCKED: they blocked the app');
      assert.doesNotMatch(JSON.stringify(dead), /u-alex|u-blair|t-1/);
      assert.equal((await store.deliveryAdmin.summary(T0)).dead, 2);
      assert.equal(await store.deliveryAdmin.retryDead(at(1), dead[0]!.ref), 1);
      assert.equal(await store.deliveryAdmin.retryDead(at(1)), 1);
      assert.equal((await store.deliveries.claimDue('a', at(1), 10, 60_000)).length, 2);
    });

    it('retries a privacy job later, lists it as failing and unleased, and leaves it to the privacy worker alone', async () => {
      const job: Notice = { key: `crm.sync:${alex.tenantId}:${alex.userId}`, person: alex, dueAt: T0, payload: { kind: 'crm.sync' } };
      await store.deliveries.enqueue(job);
      const claimed = await privacyStore.deliveryJobs.claimDue(['crm.sync'], T0, 60_000);
      assert.equal(claimed?.key, job.key);
      assert.equal((await store.deliveryAdmin.list('pending', T0))[0]?.leased, true);
      await privacyStore.deliveryJobs.retryLater(job.key, at(5_000), 'CRM_UNAVAILABLE: intercom 503');
      const failing = await store.deliveryAdmin.list('failing', T0);
      assert.deepEqual(failing.map((row) => [row.kind, row.attempts, row.lastError, row.leased]), [['crm.sync', 1, 'CRM_UNAVAILABLE: intercom 503', false]]);
      assert.deepEqual((await store.deliveryAdmin.list('pending', at(5_000))).map((row) => [row.kind, row.dueAt, row.leased]), [['crm.sync', at(5_000), false]]);
      assert.equal((await store.deliveryAdmin.summary(T0)).failing, 1);
      assert.deepEqual(await store.deliveries.claimDue('a', at(5_000), 10, 60_000), [], 'the notice scheduler never claims privacy jobs');
      assert.equal(await privacyStore.deliveryJobs.claimDue(['crm.sync'], at(4_999), 60_000), undefined, 'not before its new due time');
      assert.equal((await privacyStore.deliveryJobs.claimDue(['crm.sync'], at(5_000), 60_000))?.attempts, 2);
      assert.equal(await privacyStore.deliveryJobs.claimDue(['crm.sync'], at(6_000), 60_000), undefined, 'leased again, to one worker');
    });

    it("cancels only that person's pending items for that prefix", async () => {
      await store.deliveries.enqueue(reminder(alex, 's-1', 1));
      await store.deliveries.enqueue(reminder(alex, 's-1', 2));
      await store.deliveries.enqueue(reminder(alex, 's-10', 1));
      await store.deliveries.enqueue(reminder(blair, 's-1', 1));
      assert.equal(await store.deliveries.cancelPending(alex, 'reminder:s-1:'), 2);
      const left = (await store.deliveries.claimDue('a', T0, 10, 60_000)).map((item) => item.key);
      assert.deepEqual(left.sort(), [reminder(alex, 's-10', 1).key, reminder(blair, 's-1', 1).key].sort());
    });
  });
});
