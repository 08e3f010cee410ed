import assert from 'node:assert/strict';
import { localDate, offsetMinutesAt, startOfLocalDay } from '../../src/domain/local-time';
import { parseSearchQuery, type QueryContext } from '../../src/domain/search-query';
import { foldText, queryTerms } from '../../src/domain/search-text';

// Tuesday 1 December 2026, 10:00 in Paris.
const NOW = new Date('2026-12-01T09:00:00Z');
const PARIS: QueryContext = { now: NOW, timeZone: 'Europe/Paris', dayFilters: true };
const iso = (date: Date) => date.toISOString();

describe('search text', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(foldText('ANXIÉTÉ Résilience Œuvre Straße'), 'anxiete resilience oeuvre strasse');
  });

  it('splits on apostrophes, punctuation, operators and emoji, and drops stop words', () => {
    assert.deepEqual(queryTerms("Gérer l'anxiété au travail"), ['gerer', 'anxiete', 'travail']);
    assert.deepEqual(queryTerms('{"$gt":""} $where .* 🧘‍♀️'), ['gt', 'where']);
  });

  it('keeps a stop word when it is all there is, for prefix matching while typing', () => {
    assert.deepEqual(queryTerms('the'), ['the']);
  });

  it('keeps at most eight distinct terms', () => {
    assert.deepEqual(queryTerms('one two three four five six seven eight nine one'), ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']);
  });
});

describe('search query parser', () => {
  it('turns language words into filters and removes them from the text', () => {
    assert.deepEqual(parseSearchQuery('sleep fr', PARIS).filters.languages, ['fr']);
    assert.equal(parseSearchQuery('sleep fr', PARIS).text, 'sleep');
    assert.deepEqual(parseSearchQuery('Français sommeil', PARIS).filters.languages, ['fr']);
    assert.deepEqual(parseSearchQuery('mindfulness English', PARIS).filters.languages, ['en']);
    assert.deepEqual(parseSearchQuery('en', PARIS), { text: '', terms: [], filters: { languages: ['en'], days: [] } });
  });

  it('reads the codes fr and en only at either end, since "en" is also a French word', () => {
    const parsed = parseSearchQuery('stress en équipe', PARIS);
    assert.deepEqual(parsed.filters.languages, []);
    assert.deepEqual(parsed.terms, ['stress', 'equipe']);
  });

  it('reads today and aujourd’hui as the rest of the local day', () => {
    for (const text of ['today', "aujourd'hui", 'aujourd’hui yoga', 'AUJOURDHUI']) {
      const [range] = parseSearchQuery(text, PARIS).filters.days;
      assert.deepEqual([iso(range!.from), iso(range!.to)], ['2026-12-01T09:00:00.000Z', '2026-12-01T23:00:00.000Z'], text);
    }
    assert.deepEqual(parseSearchQuery('aujourd’hui yoga', PARIS).terms, ['yoga']);
  });

  it('reads tomorrow and demain as the next local day, in the viewer’s time zone', () => {
    const lateEvening = { ...PARIS, now: new Date('2026-12-01T23:30:00Z') }; // already 2 December in Paris
    const [paris] = parseSearchQuery('demain', lateEvening).filters.days;
    assert.deepEqual([iso(paris!.from), iso(paris!.to)], ['2026-12-02T23:00:00.000Z', '2026-12-03T23:00:00.000Z']);
    const [utc] = parseSearchQuery('tomorrow', { ...lateEvening, timeZone: 'UTC' }).filters.days;
    assert.deepEqual([iso(utc!.from), iso(utc!.to)], ['2026-12-02T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
  });

  it('gives a 23-hour tomorrow when the clocks go forward', () => {
    const [range] = parseSearchQuery('tomorrow', { ...PARIS, now: new Date('2026-03-28T12:00:00Z') }).filters.days;
    assert.deepEqual([iso(range!.from), iso(range!.to)], ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('reads a weekday in either language as its next occurrence, today included', () => {
    const [thursday] = parseSearchQuery('jeudi', PARIS).filters.days;
    assert.deepEqual([iso(thursday!.from), iso(thursday!.to)], ['2026-12-02T23:00:00.000Z', '2026-12-03T23:00:00.000Z']);
    const [tuesday] = parseSearchQuery('Tuesday', PARIS).filters.days;
    assert.deepEqual([iso(tuesday!.from), iso(tuesday!.to)], ['2026-12-01T09:00:00.000Z', '2026-12-01T23:00:00.000Z']);
    const [monday] = parseSearchQuery('lundi', PARIS).filters.days;
    assert.equal(iso(monday!.from), '2026-12-06T23:00:00.000Z');
  });

  it('reads this week and cette semaine as now until Sunday night', () => {
    for (const text of ['this week', 'yoga cette  semaine']) {
      const [range] = parseSearchQuery(text, PARIS).filters.days;
      assert.deepEqual([iso(range!.from), iso(range!.to)], ['2026-12-01T09:00:00.000Z', '2026-12-06T23:00:00.000Z'], text);
    }
  });

  it('accepts a fixed offset as the zone, and falls back to UTC for an unknown one', () => {
    const [kolkata] = parseSearchQuery('today', { ...PARIS, now: new Date('2026-12-01T20:00:00Z'), timeZone: '+05:30' }).filters.days;
    assert.equal(iso(kolkata!.to), '2026-12-02T18:30:00.000Z');
    const [unknown] = parseSearchQuery('today', { ...PARIS, timeZone: 'Mars/Olympus' }).filters.days;
    assert.equal(iso(unknown!.to), '2026-12-02T00:00:00.000Z');
  });

  it('leaves day words as text where days are not filters (courses)', () => {
    const parsed = parseSearchQuery('sleep today fr', { ...PARIS, dayFilters: false });
    assert.deepEqual(parsed.terms, ['sleep', 'today']);
    assert.deepEqual(parsed.filters, { languages: ['fr'], days: [] });
  });

  it('never throws and bounds the work on hostile input', () => {
    assert.ok(parseSearchQuery('a'.repeat(5_000), PARIS).text.length <= 200);
    assert.deepEqual(parseSearchQuery('.*', PARIS).terms, []);
    assert.deepEqual(parseSearchQuery('😀🧘‍♀️', PARIS).terms, []);
    assert.deepEqual(parseSearchQuery('القلق في العمل', PARIS).terms, ['القلق', 'في', 'العمل']);
    assert.deepEqual(parseSearchQuery('{"$gt":""}', PARIS).terms, ['gt']);
  });
});

describe('local time', () => {
  it('knows the local date, weekday and offset of an instant', () => {
    assert.deepEqual(localDate(new Date('2026-12-06T23:30:00Z'), 'Europe/Paris'), { year: 2026, month: 12, day: 7, weekday: 1 });
    assert.equal(offsetMinutesAt(new Date('2026-07-01T12:00:00Z'), 'America/New_York'), -240);
    assert.equal(iso(startOfLocalDay(new Date('2026-07-01T12:00:00Z'), 'America/New_York', 1)), '2026-07-02T04:00:00.000Z');
  });
});
