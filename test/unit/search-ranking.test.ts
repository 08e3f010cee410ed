import assert from 'node:assert/strict';
import type { Session } from '../../src/domain/catalog';
import { bestMatches, compareMatches, type ScoredMatch } from '../../src/domain/search-ranking';
import { isListed, publicState, sessionMatchesFilters } from '../../src/domain/session-listing';

const NOW = new Date('2026-12-01T09:00:00Z');

function session(id: string, startsAt: string, extra: Partial<Session> = {}): Session {
  return {
    id, title: id, description: '', topics: ['t'], facilitator: 'f', startsAt: new Date(startsAt), durationMinutes: 30,
    capacity: 10, language: 'en', joinUrl: 'https://example.com/j', status: 'scheduled', ...extra,
  };
}

describe('search ranking', () => {
  const start = (item: Session) => item.startsAt.getTime();

  it('puts results matching every word before any matching only some, whatever their score', () => {
    const partial = { item: session('partial', '2026-12-02T10:00:00Z'), score: 50, matchedTerms: 1 };
    const complete = { item: session('complete', '2026-12-09T10:00:00Z'), score: 2, matchedTerms: 2 };
    assert.deepEqual(bestMatches([partial, complete], 2, 10, start).map((match) => match.item.id), ['complete', 'partial']);
  });

  it('orders by score within a group and gives ties to the sooner session', () => {
    const later = { item: session('later', '2026-12-09T10:00:00Z'), score: 3, matchedTerms: 1 };
    const sooner = { item: session('sooner', '2026-12-02T10:00:00Z'), score: 3 + 1e-12, matchedTerms: 1 };
    const best = { item: session('best', '2026-12-20T10:00:00Z'), score: 7, matchedTerms: 1 };
    assert.deepEqual(bestMatches([later, best, sooner], 1, 10, start).map((match) => match.item.id), ['best', 'sooner', 'later']);
  });

  it('keeps exactly the first results of a full sort, however many matches come', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const matches: ScoredMatch<Session>[] = Array.from({ length: 2_000 }, (_, i) => ({
      item: session(`s${i}`, new Date(Date.UTC(2026, 11, 2) + Math.floor(next() * 500) * 3_600_000).toISOString()),
      score: Math.floor(next() * 20), // many exact ties, so the date order is exercised
      matchedTerms: 1 + Math.floor(next() * 2),
    }));
    const sorted = [...matches].sort((a, b) => compareMatches(a, b, 2, start)).slice(0, 60);
    assert.deepEqual(bestMatches(matches, 2, 60, start), sorted);
    assert.deepEqual(bestMatches(matches, 2, 0, start), []);
  });
});

describe('session listing', () => {
  it('lists sessions that have not started and are not cancelled', () => {
    assert.equal(isListed(session('a', '2026-12-01T09:00:01Z'), NOW), true);
    assert.equal(isListed(session('b', '2026-12-01T09:00:00Z'), NOW), false);
    assert.equal(isListed(session('c', '2026-12-02T09:00:00Z', { status: 'cancelled' }), NOW), false);
  });

  it('marks a listed session open or full by its seats, and says when it started or was cancelled', () => {
    assert.equal(publicState(session('a', '2026-12-02T09:00:00Z'), 3, NOW), 'open');
    assert.equal(publicState(session('a', '2026-12-02T09:00:00Z'), 0, NOW), 'full');
    assert.equal(publicState(session('a', '2026-12-01T08:00:00Z'), 3, NOW), 'started');
    assert.equal(publicState(session('a', '2026-12-02T09:00:00Z', { status: 'cancelled' }), 3, NOW), 'cancelled');
  });

  it('filters on language and on day ranges, start inclusive and end exclusive', () => {
    const day = { from: new Date('2026-12-02T00:00:00Z'), to: new Date('2026-12-03T00:00:00Z') };
    assert.equal(sessionMatchesFilters(session('a', '2026-12-02T00:00:00Z'), { languages: [], days: [day] }), true);
    assert.equal(sessionMatchesFilters(session('a', '2026-12-03T00:00:00Z'), { languages: [], days: [day] }), false);
    assert.equal(sessionMatchesFilters(session('a', '2026-12-02T10:00:00Z'), { languages: ['fr'], days: [] }), false);
  });
});
