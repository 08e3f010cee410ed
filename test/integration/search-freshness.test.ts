import assert from 'node:assert/strict';
import { readLockHolder } from '../../src/store/embedded/data-dir-lock';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { FixedClock } from '../helpers/clock';
import { search } from '../helpers/search';

const NOW = new Date('2026-12-01T09:00:00Z');

const session = (fields: Record<string, unknown>) => ({
  id: 's-new', title: 'Tai chi for beginners', description: 'Slow movement to settle the mind.', topics: ['movement'], facilitator: 'Mei Lin',
  startsAt: '2026-12-04T10:00:00Z', durationMinutes: 30, capacity: 8, language: 'en', joinUrl: 'https://teams.microsoft.com/l/meetup-join/new', ...fields,
});

describe('search stays fresh', () => {
  let test: TestApp;
  beforeEach(async () => {
    test = await startTestApp({}, new FixedClock(NOW));
  });
  afterEach(() => test.stop());

  /** `npm run catalog -- import` goes through this loopback route of the running app. */
  async function importCatalogue(file: unknown): Promise<void> {
    const secret = readLockHolder(test.dataDir)!.secret;
    const response = await postJson(`${test.url}/internal/catalog/import`, file, { authorization: `Bearer ${secret}` });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  }

  it('finds a session as soon as an import added it, and forgets it once cancelled', async () => {
    assert.deepEqual((await search(test.url, 'searchSessions', 'tai chi')).titles, ['Nothing found']);
    await importCatalogue({ sessions: [session({})] });
    assert.deepEqual((await search(test.url, 'searchSessions', 'tai chi')).sessionIds, ['s-new']);
    await importCatalogue({ sessions: [session({ title: 'Qi gong for beginners' })] });
    assert.deepEqual((await search(test.url, 'searchSessions', 'tai chi')).titles, ['Nothing found']);
    assert.deepEqual((await search(test.url, 'searchSessions', 'qi gong')).sessionIds, ['s-new']);
    await importCatalogue({ sessions: [session({ title: 'Qi gong for beginners', status: 'cancelled' })] });
    assert.deepEqual((await search(test.url, 'searchSessions', 'qi gong')).titles, ['Nothing found']);
  });

  it('finds a course as soon as an import added it', async () => {
    await importCatalogue({ courses: [{ id: 'c-new', title: 'Journaling for calm', description: 'Write to think.', topics: ['stress'], durationMinutes: 15, language: 'en', url: 'https://learn.example.com/c-new' }] });
    assert.deepEqual((await search(test.url, 'searchCourses', 'journal')).titles, ['Journaling for calm']);
  });

  it('stops listing a session once it has started', async () => {
    const before = await search(test.url, 'searchSessions', undefined, { count: 3 });
    assert.equal(before.sessionIds[0], 's-101');
    test.clock.set('2026-12-02T08:00:00Z'); // s-101 starts now
    const after = await search(test.url, 'searchSessions', undefined, { count: 3 });
    assert.deepEqual(after.sessionIds.slice(0, 2), before.sessionIds.slice(1, 3));
    assert.ok(!(await search(test.url, 'searchSessions', 'anxiety at work')).sessionIds.includes('s-101'));
  });
});
