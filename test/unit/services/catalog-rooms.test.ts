import assert from 'node:assert/strict';
import { createCatalogService } from '../../../src/compose-core';
import type { CatalogService } from '../../../src/services/catalog-service';
import { buildDemoCatalog } from '../../../src/services/demo-catalog';
import type { StoreDatabase } from '../../../src/store/collection';
import { openEmbeddedDatabase } from '../../../src/store/embedded/embedded-database';
import { createStore, type Store } from '../../../src/store/open-store';
import { silentLog } from '../../helpers/silent-log';
import { makeTempDir } from '../../helpers/temp-dir';

describe('catalogue: viewing rooms', () => {
  let db: StoreDatabase;
  let store: Store;
  let catalog: CatalogService;
  beforeEach(() => {
    db = openEmbeddedDatabase({ dataDir: makeTempDir('rooms') });
    store = createStore(db);
    catalog = createCatalogService(store, { now: () => new Date() }, silentLog);
  });
  afterEach(() => db.close());

  const room = { id: 'r-1', title: 'Sleep sounds lounge', description: 'Wind-down audio.', topics: ['Sleep'], language: 'en', url: 'https://learn.example.com/rooms/r-1' };

  it('imports rooms from the catalogue file and reports each bad one by index and field', async () => {
    const report = await catalog.import({ rooms: [room, { ...room, id: 'r-2', url: 'http://insecure.example.com' }, { ...room, id: 'r-3', language: 'de' }] });
    assert.deepEqual(report.rooms, { accepted: 1, rejected: 2 });
    assert.deepEqual(report.problems.map((p) => p.path), ['rooms[1].url', 'rooms[2].language']);
    assert.deepEqual(await store.rooms.listAll(), [{ ...room, topics: ['sleep'] }]);
  });

  it('ships a dozen demo rooms in English and French, all valid', async () => {
    const report = await catalog.import(buildDemoCatalog(new Date('2026-12-01T09:00:00Z')));
    assert.deepEqual(report.rooms, { accepted: 12, rejected: 0 });
    const rooms = await store.rooms.listAll();
    assert.deepEqual([...new Set(rooms.map((r) => r.language))].sort(), ['en', 'fr']);
  });
});
