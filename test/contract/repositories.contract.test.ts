import assert from 'node:assert/strict';
import type { Session } from '../../src/domain/catalog';
import type { StoreDatabase } from '../../src/store/collection';
import { createStore, type Store } from '../../src/store/open-store';
import { forEachEngine } from '../helpers/databases';

const ALEX = { userId: 'aad-alex', tenantId: 'tenant-a' };
const SAME_ID_OTHER_TENANT = { userId: 'aad-alex', tenantId: 'tenant-b' };

function session(id: string, startsAt: string, overrides: Partial<Session> = {}): Session {
  return {
    id, title: `Session ${id}`, description: 'd', topics: ['sleep'], facilitator: 'F', startsAt: new Date(startsAt),
    durationMinutes: 30, capacity: 10, language: 'en', joinUrl: 'https://example.com/j', status: 'scheduled', ...overrides,
  };
}

describe('repository contract', () => {
  forEachEngine((engine) => {
    let db: StoreDatabase;
    let store: Store;
    beforeEach(async () => {
      db = await engine.open();
      store = createStore(db, () => new Date('2026-12-01T09:00:00Z'));
    });
    afterEach(() => db.close());

    describe('sessions', () => {
      it('upserts by id and lists upcoming sessions soonest first', async () => {
        await store.sessions.upsertMany([session('b', '2026-12-05T10:00:00Z'), session('a', '2026-12-04T10:00:00Z'), session('old', '2026-11-01T10:00:00Z')]);
        await store.sessions.upsertMany([session('a', '2026-12-04T10:00:00Z', { title: 'Renamed' })]);
        const upcoming = await store.sessions.listUpcoming(new Date('2026-12-01T00:00:00Z'));
        assert.deepEqual(upcoming.map((s) => [s.id, s.title]), [['a', 'Renamed'], ['b', 'Session b']]);
        assert.equal((await store.sessions.get('old'))?.startsAt.toISOString(), '2026-11-01T10:00:00.000Z');
        assert.equal(await store.sessions.get('missing'), undefined);
      });

      it('keeps fields it does not own (booking state) across a catalogue upsert', async () => {
        await store.sessions.upsertMany([session('a', '2026-12-04T10:00:00Z')]);
        await db.collection<{ _id: string; bookedCount?: number }>('sessions').updateOne({ _id: 'a' }, { $set: { bookedCount: 3 } });
        await store.sessions.upsertMany([session('a', '2026-12-04T11:00:00Z')]);
        const raw = await db.collection<{ _id: string; bookedCount?: number }>('sessions').findOne({ _id: 'a' });
        assert.equal(raw?.bookedCount, 3);
        assert.equal((await store.sessions.get('a'))?.startsAt.toISOString(), '2026-12-04T11:00:00.000Z');
      });
    });

    describe('courses and catalogue version', () => {
      it('upserts courses and bumps the version by one per call', async () => {
        assert.equal(await store.catalogVersion.current(), 0);
        await store.courses.upsertMany([{ id: 'c1', title: 'T', description: 'd', topics: ['sleep'], durationMinutes: 10, language: 'fr', url: 'https://example.com/c1' }]);
        assert.equal(await store.catalogVersion.bump(), 1);
        assert.equal(await store.catalogVersion.bump(), 2);
        assert.deepEqual((await store.courses.getMany(['c1', 'nope'])).map((c) => c.id), ['c1']);
      });
    });

    describe('users', () => {
      it('creates a record on first sight and tells when the e-mail changes', async () => {
        const first = await store.users.upsertSeen(ALEX, 'Alex@Contoso.com', new Date('2026-12-01T09:00:00Z'));
        assert.equal(first.created, true);
        assert.equal(first.user.email, 'alex@contoso.com');
        const again = await store.users.upsertSeen(ALEX, 'alex@contoso.com', new Date('2026-12-02T09:00:00Z'));
        assert.deepEqual([again.created, again.emailChanged], [false, false]);
        assert.equal(again.user.createdAt.toISOString(), '2026-12-01T09:00:00.000Z');
        const changed = await store.users.upsertSeen(ALEX, 'alex.w@contoso.com', new Date('2026-12-03T09:00:00Z'));
        assert.equal(changed.emailChanged, true);
        assert.equal((await store.users.findByEmail('ALEX.W@contoso.com'))?.userId, 'aad-alex');
      });

      it('keeps preferences and never mixes tenants', async () => {
        await store.users.upsertSeen(ALEX, 'a@contoso.com', new Date());
        await store.users.updatePreferences(ALEX, { locale: 'fr', reminderOffsetsMs: [] });
        assert.deepEqual((await store.users.get(ALEX))?.preferences, { locale: 'fr', reminderOffsetsMs: [] });
        assert.equal(await store.users.get(SAME_ID_OTHER_TENANT), undefined);
        assert.equal(await store.users.delete(SAME_ID_OTHER_TENANT), false);
        assert.equal(await store.users.delete(ALEX), true);
        assert.equal(await store.users.get(ALEX), undefined);
      });
    });

    describe('conversation references', () => {
      it('saves, replaces and deletes the reference of a person', async () => {
        await store.conversationReferences.save({ ...ALEX, reference: { conversation: { id: 'a:1' } }, updatedAt: new Date('2026-12-01T00:00:00Z') });
        await store.conversationReferences.save({ ...ALEX, reference: { conversation: { id: 'a:2' } }, updatedAt: new Date('2026-12-02T00:00:00Z') });
        assert.deepEqual((await store.conversationReferences.get(ALEX))?.reference, { conversation: { id: 'a:2' } });
        assert.equal(await store.conversationReferences.get(SAME_ID_OTHER_TENANT), undefined);
        assert.equal(await store.conversationReferences.delete(ALEX), true);
        assert.equal(await store.conversationReferences.get(ALEX), undefined);
      });
    });

    describe('usage records', () => {
      it('records events per person in date order and deletes them all on request', async () => {
        await store.usage.record({ ...ALEX, kind: 'course.viewed', itemType: 'course', itemId: 'c1', at: new Date('2026-12-02T00:00:00Z') });
        await store.usage.record({ ...ALEX, kind: 'session.booked', itemType: 'session', itemId: 's1', at: new Date('2026-12-01T00:00:00Z') });
        await store.usage.record({ ...SAME_ID_OTHER_TENANT, kind: 'course.viewed', itemType: 'course', itemId: 'c2', at: new Date('2026-12-01T00:00:00Z') });
        assert.deepEqual((await store.usage.listFor(ALEX)).map((r) => r.itemId), ['s1', 'c1']);
        assert.equal(await store.usage.deleteFor(ALEX), 2);
        assert.deepEqual(await store.usage.listFor(ALEX), []);
        assert.equal((await store.usage.listFor(SAME_ID_OTHER_TENANT)).length, 1);
      });
    });

    describe('delivery queue', () => {
      it('enqueues a notice once per key and cancels pending ones by prefix', async () => {
        const notice = { key: 'reminder:s1:900000:tenant-a:aad-alex', person: ALEX, dueAt: new Date('2026-12-03T10:45:00Z'), payload: { kind: 'session.reminder' as const, sessionId: 's1', offsetMs: 900_000 } };
        assert.equal(await store.deliveries.enqueue(notice), true);
        assert.equal(await store.deliveries.enqueue(notice), false);
        await store.deliveries.enqueue({ ...notice, key: 'reminder:s2:900000:tenant-a:aad-alex', payload: { ...notice.payload, sessionId: 's2' } });
        assert.equal(await store.deliveries.cancelPending(ALEX, 'reminder:s1:'), 1);
        assert.equal(await db.collection('deliveries').countDocuments(), 1);
      });
    });

    describe('secrets', () => {
      it('creates a secret once and returns the same one after', async () => {
        const first = await store.secrets.getOrCreate('link-signing');
        const second = await store.secrets.getOrCreate('link-signing');
        assert.equal(first.length, 32);
        assert.ok(first.equals(second));
      });
    });
  });
});
