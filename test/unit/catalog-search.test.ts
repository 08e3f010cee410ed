import assert from 'node:assert/strict';
import { createCatalogService } from '../../src/compose-core';
import type { Session } from '../../src/domain/catalog';
import type { SeatCounter } from '../../src/domain/ports';
import { CatalogIndex } from '../../src/services/catalog-index';
import { CatalogSearchService, type SearchRequest } from '../../src/services/catalog-search';
import type { CatalogService } from '../../src/services/catalog-service';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { createStore, type Store } from '../../src/store/open-store';
import { capacitySeatCounter } from '../fakes/seat-counter';
import { FixedClock } from '../helpers/clock';
import { silentLog } from '../helpers/silent-log';
import { makeTempDir } from '../helpers/temp-dir';

const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));

let counter = 0;
function sessionRecord(fields: Record<string, unknown>): Record<string, unknown> {
  counter += 1;
  return {
    id: `s-${counter}`, title: `Session ${counter}`, description: 'A group session.', topics: ['wellbeing'], facilitator: 'Alex Martin',
    startsAt: '2026-12-10T10:00:00Z', durationMinutes: 45, capacity: 10, language: 'en', joinUrl: 'https://example.com/join', ...fields,
  };
}

function courseRecord(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: `Course ${id}`, description: 'A course.', topics: ['wellbeing'], durationMinutes: 20, language: 'en', url: `https://example.com/${id}`, ...fields };
}

describe('catalogue search service', () => {
  let store: Store;
  let close: () => Promise<void>;
  let catalog: CatalogService;
  let index: CatalogIndex;
  let seats: SeatCounter;
  let popular: string[];
  let search: CatalogSearchService;

  beforeEach(async () => {
    const db = openEmbeddedDatabase({ dataDir: makeTempDir('search') });
    close = () => db.close();
    store = createStore(db);
    catalog = createCatalogService(store, clock, silentLog);
    index = new CatalogIndex({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: silentLog });
    catalog.onCatalogChange(() => index.refresh());
    seats = capacitySeatCounter;
    popular = [];
    search = new CatalogSearchService({
      index,
      seats: { seatsLeft: (sessions) => seats.seatsLeft(sessions) },
      popularity: { mostPopular: async (_person, limit) => popular.slice(0, limit) },
      clock,
    });
    await index.start();
  });
  afterEach(async () => {
    index.stop();
    await close();
  });

  const request = (text: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ text, timeZone: 'Europe/Paris', skip: 0, count: 25, ...extra });
  const titles = async (text: string, extra: Partial<SearchRequest> = {}) => (await search.searchSessions(request(text, extra))).map((result) => result.session.title);

  it('weighs a word in the title over the topics, the topics over the facilitator, the facilitator over the description', async () => {
    await catalog.import({
      sessions: [
        sessionRecord({ title: 'Quiet minds together', description: 'We practise breathing together, calmly.', startsAt: '2026-12-02T10:00:00Z' }),
        sessionRecord({ title: 'Evening reset', facilitator: 'Sam Breathing', startsAt: '2026-12-03T10:00:00Z' }),
        sessionRecord({ title: 'Calm mornings', topics: ['breathing'], startsAt: '2026-12-04T10:00:00Z' }),
        sessionRecord({ title: 'Breathing basics', startsAt: '2026-12-05T10:00:00Z' }),
      ],
    });
    assert.deepEqual(await titles('breathing'), ['Breathing basics', 'Calm mornings', 'Evening reset', 'Quiet minds together']);
  });

  it('ranks sessions matching all the words first, then ties by the sooner date', async () => {
    await catalog.import({
      sessions: [
        sessionRecord({ title: 'Sleep better', description: 'Sleep, sleep and more sleep for everyone.', startsAt: '2026-12-02T10:00:00Z' }),
        sessionRecord({ title: 'Parents together', startsAt: '2026-12-02T11:00:00Z' }),
        sessionRecord({ id: 'late', title: 'Sleep for parents', startsAt: '2026-12-20T10:00:00Z' }),
        sessionRecord({ id: 'early', title: 'Sleep for parents', startsAt: '2026-12-08T10:00:00Z' }),
      ],
    });
    const results = await search.searchSessions(request('sleep parents'));
    assert.deepEqual(results.slice(0, 2).map((result) => result.session.id), ['early', 'late']);
  });

  it('lists full sessions marked full, but leaves them out of the initial run', async () => {
    await catalog.import({ sessions: [sessionRecord({ id: 'full', title: 'Yoga at lunch', startsAt: '2026-12-02T10:00:00Z' }), sessionRecord({ id: 'open', title: 'Yoga at dawn' })] });
    seats = { seatsLeft: async (sessions) => new Map(sessions.map((session) => [session.id, session.id === 'full' ? 0 : 4])) };
    const found = await search.searchSessions(request('yoga'));
    assert.deepEqual(found.map((result) => [result.session.id, result.state, result.seatsLeft]).sort(), [['full', 'full', 0], ['open', 'open', 4]]);
    const initial = await search.searchSessions(request(''));
    assert.deepEqual(initial.map((result) => result.session.id), ['open']);
  });

  it('never lists a session that has started or was cancelled', async () => {
    await catalog.import({
      sessions: [
        sessionRecord({ id: 'started', title: 'Yoga now', startsAt: '2026-12-01T08:45:00Z' }),
        sessionRecord({ id: 'cancelled', title: 'Yoga later', status: 'cancelled' }),
        sessionRecord({ id: 'upcoming', title: 'Yoga soon' }),
      ],
    });
    for (const text of ['yoga', '', 'en']) {
      assert.deepEqual((await search.searchSessions(request(text))).map((result) => result.session.id), ['upcoming'], `for "${text}"`);
    }
  });

  it('follows re-imports in the same process: new titles, moves and cancellations', async () => {
    await catalog.import({ sessions: [sessionRecord({ id: 'x', title: 'Desk yoga' })] });
    assert.deepEqual(await titles('yoga'), ['Desk yoga']);
    await catalog.import({ sessions: [sessionRecord({ id: 'x', title: 'Chair pilates' })] });
    assert.deepEqual(await titles('yoga'), []);
    assert.deepEqual(await titles('pilates'), ['Chair pilates']);
    await catalog.import({ sessions: [sessionRecord({ id: 'x', title: 'Chair pilates', status: 'cancelled' })] });
    assert.deepEqual(await titles('pilates'), []);
  });

  it('follows imports made by another instance by polling the catalogue version', async () => {
    const other = new CatalogIndex({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: silentLog, pollIntervalMs: 20 });
    await other.start();
    try {
      await catalog.import({ sessions: [sessionRecord({ id: 'remote', title: 'Mindful walking' })] });
      const deadline = Date.now() + 2_000;
      while (!other.sessions.get('remote') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(other.sessions.get('remote')?.title, 'Mindful walking');
      assert.equal(other.version, await store.catalogVersion.current());
    } finally {
      other.stop();
    }
  });

  it('pages through results without overlap', async () => {
    await catalog.import({ sessions: Array.from({ length: 30 }, (_, i) => sessionRecord({ title: `Stretch ${i}`, startsAt: new Date(Date.UTC(2026, 11, 2, i)).toISOString() })) });
    const first = await search.searchSessions(request('stretch', { count: 20 }));
    const second = await search.searchSessions(request('stretch', { skip: 20, count: 20 }));
    assert.equal(first.length, 20);
    assert.equal(second.length, 10);
    assert.equal(new Set([...first, ...second].map((result) => result.session.id)).size, 30);
  });

  it('serves repeated queries and later pages from the cached ranking, dropping sessions that started since', async () => {
    await catalog.import({ sessions: Array.from({ length: 30 }, (_, i) => sessionRecord({ id: `st-${i}`, title: `Stretch ${i}`, startsAt: new Date(Date.UTC(2026, 11, 2, i)).toISOString() })) });
    const uncached = new CatalogSearchService({ index, seats: capacitySeatCounter, popularity: { mostPopular: async () => [] }, clock, cachedQueries: 0 });
    const ids = async (service: CatalogSearchService, extra: Partial<SearchRequest>) => (await service.searchSessions(request('stretch', extra))).map((r) => r.session.id);
    for (const page of [{ count: 10 }, { skip: 10, count: 10 }, { skip: 20, count: 25 }, { count: 10 }]) assert.deepEqual(await ids(search, page), await ids(uncached, page));
    const before = await ids(search, { count: 5 });
    clock.set('2026-12-02T02:30:00Z'); // st-0, st-1 and st-2 have started
    try {
      const after = await ids(search, { count: 5 });
      assert.deepEqual(after, (await ids(uncached, { count: 5 })));
      assert.ok(!after.some((id) => ['st-0', 'st-1', 'st-2'].includes(id)) && before.some((id) => ['st-0', 'st-1', 'st-2'].includes(id)));
    } finally {
      clock.set('2026-12-01T09:00:00Z');
    }
  });

  it('answers no sessions for text with nothing to search for', async () => {
    await catalog.import({ sessions: [sessionRecord({})] });
    assert.deepEqual(await search.searchSessions(request('🙂 .*')), []);
  });

  it('shows the most popular courses first when nothing is typed, then the catalogue order', async () => {
    await catalog.import({ courses: [courseRecord('c1'), courseRecord('c2', { language: 'fr' }), courseRecord('c3'), courseRecord('c4')] });
    popular = ['c3', 'gone', 'c2'];
    assert.deepEqual((await search.searchCourses(request(''))).map((course) => course.id), ['c3', 'c2', 'c1', 'c4']);
    assert.deepEqual((await search.searchCourses(request('english'))).map((course) => course.id), ['c3', 'c1', 'c4']);
    assert.deepEqual((await search.searchCourses(request('', { skip: 1, count: 2 }))).map((course) => course.id), ['c2', 'c1']);
  });

  it('finds courses by prefix and typo, ignoring accents', async () => {
    await catalog.import({ courses: [courseRecord('r', { title: 'Les bases de la résilience' }), courseRecord('m', { title: 'Mindfulness: a 21-day journey' })] });
    assert.deepEqual((await search.searchCourses(request('RESILENCE'))).map((course) => course.id), ['r']);
    assert.deepEqual((await search.searchCourses(request('mindf'))).map((course) => course.id), ['m']);
  });

  it('finds sessions and courses by the French name of their topics, as the French cards show them', async () => {
    await catalog.import({
      sessions: [sessionRecord({ id: 'teens', title: 'Parents et ados : garder le lien', topics: ['parenting'], language: 'fr' }), sessionRecord({ id: 'other', topics: ['sleep'] })],
      courses: [courseRecord('dormir', { title: 'Mieux dormir en 7 jours', topics: ['sleep'], language: 'fr' }), courseRecord('move', { title: 'Bouger plus', topics: ['movement'] })],
    });
    assert.deepEqual(await titles('parentalité'), ['Parents et ados : garder le lien']);
    assert.deepEqual((await search.searchCourses(request('sommeil'))).map((course) => course.id), ['dormir']);
    assert.deepEqual((await search.searchCourses(request('activite physique'))).map((course) => course.id), ['move']);
  });
});

describe('catalogue index', () => {
  it('keeps serving the index it has when a refresh fails', async () => {
    const failing = { current: async () => { throw new Error('store down'); }, bump: async () => 0 };
    const sessions: Session[] = [];
    const index = new CatalogIndex({
      sessions: { listAll: async () => sessions, get: async () => undefined, getMany: async () => [], listUpcoming: async () => [], upsertMany: async () => undefined },
      courses: { listAll: async () => [], get: async () => undefined, getMany: async () => [], upsertMany: async () => undefined, topics: async () => [] },
      version: failing,
      log: silentLog,
    });
    await assert.rejects(index.refresh(), /store down/);
    assert.equal(index.sessions.size, 0);
  });
});
