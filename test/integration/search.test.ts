import assert from 'node:assert/strict';
import { buildDemoCatalog } from '../../src/services/demo-catalog';
import { startTestApp, type TestApp } from '../helpers/app';
import { FixedClock } from '../helpers/clock';
import { postQuery, search, type SearchAnswer } from '../helpers/search';

const SESSIONS = 'searchSessions';
const COURSES = 'searchCourses';
const NOW = new Date('2026-12-01T09:00:00Z'); // Tuesday, 10:00 in Paris

/** The demo catalogue the app loads into its empty store, as the tests' clock sees it. */
const demo = buildDemoCatalog(NOW) as { sessions: { id: string; title: string; language: string; startsAt: string }[]; courses: { id: string }[]; rooms: unknown[] };
const demoIdsBetween = (from: string, to: string, language?: string) =>
  demo.sessions.filter((s) => s.startsAt >= from && s.startsAt < to && (!language || s.language === language)).map((s) => s.id);

describe('composeExtension/query', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({}, new FixedClock(NOW));
  });
  after(() => test.stop());

  const sessions = (text: string | undefined, options = {}) => search(test.url, SESSIONS, text, options);
  const courses = (text: string | undefined, options = {}) => search(test.url, COURSES, text, options);

  it('answers in the shape Teams expects: Adaptive Cards 1.5 with thumbnail previews and Universal Actions', async () => {
    const answer = await sessions('anxiety');
    assert.equal(answer.type, 'result');
    assert.ok(answer.attachments.length > 0);
    for (const attachment of answer.attachments) {
      assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
      assert.equal(attachment.content.version, '1.5');
      assert.equal(attachment.preview.contentType, 'application/vnd.microsoft.card.thumbnail');
      assert.equal(attachment.content.refresh?.action.verb, 'session.refresh');
      const [book] = attachment.content.actions as { type: string; verb: string; data: unknown }[];
      assert.deepEqual(book, { type: 'Action.Execute', title: 'Book a seat', verb: 'session.book', data: { sessionId: attachment.content.refresh!.action.data.sessionId } });
    }
  });

  it('finds sessions by prefix as you type, in both languages', async () => {
    const { titles } = await sessions('anx');
    assert.ok(titles.includes('Anxiety at work: practical tools'), titles.join(' | '));
    assert.ok(titles.includes("Gérer l'anxiété au travail"), titles.join(' | '));
  });

  it('ignores accents and case both ways', async () => {
    for (const text of ['anxiete', 'ANXIÉTÉ', 'Anxiété']) assert.ok((await sessions(text)).titles.includes("Gérer l'anxiété au travail"), text);
    assert.ok((await sessions('resilience')).titles.includes('Développer sa résilience'));
    assert.ok((await sessions('Résilience')).titles.includes('Building resilience in uncertain times'));
  });

  it('forgives typos in longer words', async () => {
    assert.equal((await sessions('mindfulnes')).titles[0], 'Mindfulness for busy people');
    const { titles } = await sessions('resilence');
    assert.ok(titles.includes('Building resilience in uncertain times') && titles.includes('Développer sa résilience'), titles.join(' | '));
  });

  it('ranks sessions matching every word first, and equal matches by date', async () => {
    const answer = await sessions('anxiety work');
    assert.deepEqual(new Set(answer.titles.slice(0, 4)), new Set(['Anxiety at work: practical tools', "Gérer l'anxiété au travail"]));
    assert.ok(answer.titles.slice(4).every((title) => !/anxi/i.test(title)), answer.titles.join(' | '));
    assert.equal((await sessions('stress parenting')).titles[0], 'Parenting teenagers without burning out');
    const sameTitle = answer.attachments.filter((a) => a.preview.content.title === 'Anxiety at work: practical tools').map((a) => a.content.refresh!.action.data.sessionId);
    const starts = sameTitle.map((id) => demo.sessions.find((s) => s.id === id)!.startsAt);
    assert.deepEqual(starts, [...starts].sort());
  });

  it('reads a language typed in the query as a filter', async () => {
    const sleepFr = await sessions('sleep fr');
    assert.ok(sleepFr.titles.length > 0 && sleepFr.titles.every((title) => title === 'Mieux dormir dès ce soir'), sleepFr.titles.join(' | '));
    const allFrench = await sessions('français');
    assert.deepEqual(allFrench.sessionIds, demo.sessions.filter((s) => s.language === 'fr').map((s) => s.id));
  });

  it('reads days typed in the query as filters, in the viewer’s time zone', async () => {
    // Paris is UTC+1 in December: "tomorrow" is 2 December 00:00–24:00 local.
    assert.deepEqual((await sessions('demain')).sessionIds, demoIdsBetween('2026-12-01T23:00:00', '2026-12-02T23:00:00'));
    // In Auckland (UTC+13) it is already 22:00 on Tuesday: Thursday there ends before Thursday in Paris.
    assert.deepEqual((await sessions('thursday')).sessionIds, ['s-103']);
    assert.deepEqual((await sessions('thursday', { timeZone: 'Pacific/Auckland' })).sessionIds, demoIdsBetween('2026-12-02T11:00:00', '2026-12-03T11:00:00'));
    assert.deepEqual((await sessions('thursday', { timeZone: 'Pacific/Auckland' })).titles, ['Nothing found']);
    assert.deepEqual((await sessions('this week')).sessionIds, demoIdsBetween('2026-12-01T09:00:00', '2026-12-06T23:00:00'));
    assert.deepEqual((await sessions('jeudi fr')).sessionIds, demoIdsBetween('2026-12-02T23:00:00', '2026-12-03T23:00:00', 'fr'));
  });

  it('opens on the soonest sessions with seats, and pages without overlap', async () => {
    const first = await sessions(undefined, { count: 10 });
    const second = await sessions(undefined, { skip: 10, count: 10 });
    assert.deepEqual([...first.sessionIds, ...second.sessionIds], demo.sessions.slice(0, 20).map((s) => s.id));
    const beyond = await sessions(undefined, { skip: 40, count: 10 });
    assert.deepEqual(beyond.attachments, [], 'a page past the end is empty, not "nothing found"');
  });

  it('never returns more than 25 results, whatever count asks', async () => {
    assert.equal((await sessions(undefined, { count: 500 })).attachments.length, 25);
  });

  it('opens course search on courses picked for the person: with nothing known yet, short ones in their language', async () => {
    const answer = await courses(undefined, { count: 5 });
    assert.deepEqual(answer.titles.length, 5);
    assert.equal(answer.attachments[0]!.content.actions instanceof Array, true);
    // c-23, "Hydration and focus": 10 minutes, English (see services/personal-course-ranking.ts).
    assert.deepEqual((answer.attachments[0]!.content.actions as { type: string; url: string }[])[0], { type: 'Action.OpenUrl', title: 'Open course', url: 'https://learn.example.com/courses/c-23' });
  });

  it('finds courses with the same forgiveness', async () => {
    assert.ok((await courses('anx')).titles.includes("Comprendre l'anxiété"));
    assert.ok((await courses('resilence')).titles.includes('Les bases de la résilience'));
  });

  it('answers a French client in French, including when nothing is found', async () => {
    const answer = await sessions('zzzzqqq', { locale: 'fr-FR' });
    assert.deepEqual(answer.titles, ['Aucun résultat']);
    assert.equal(answer.attachments[0]!.content.version, '1.5');
    assert.match((await sessions('sommeil', { locale: 'fr-FR' })).attachments[0]!.preview.content.subtitle ?? '', /déc/);
  });

  describe('hostile input always gets a valid answer', () => {
    const valid = (answer: SearchAnswer) => {
      assert.equal(answer.type, 'result');
      assert.ok(Array.isArray(answer.attachments));
      for (const attachment of answer.attachments) assert.equal(attachment.content.version, '1.5');
    };
    const texts = ['', '   ', 'a'.repeat(5_000), '.*', '$where', '{"$gt":""}', '\\', '(', '😀🧘‍♀️', 'القلق في العمل', 'חרדה', '<script>alert(1)</script>', '\u0000'];
    for (const text of texts) {
      it(`for the text ${JSON.stringify(text.slice(0, 20))}`, async () => {
        valid(await sessions(text));
        valid(await courses(text));
      });
    }
    it('shows "nothing found, try…" when the text has nothing to search for', async () => {
      for (const text of ['.*', '😀', '{"$gt":""}', 'חרדה']) assert.deepEqual((await sessions(text)).titles, ['Nothing found'], text);
    });
    const values: [string, unknown][] = [
      ['no parameters', { commandId: SESSIONS, queryOptions: { skip: 0, count: 25 } }],
      ['no queryOptions', { commandId: SESSIONS, parameters: [{ name: 'query', value: 'sleep' }] }],
      ['parameters as an object', { commandId: SESSIONS, parameters: { query: 'sleep' } }],
      ['a null parameter', { commandId: SESSIONS, parameters: [null] }],
      ['a parameter value that is not text', { commandId: COURSES, parameters: [{ name: 'query', value: { $gt: '' } }] }],
      ['nonsense paging', { commandId: SESSIONS, parameters: [{ name: 'query', value: 'sleep' }], queryOptions: { skip: 'abc', count: -5 } }],
      ['an unknown command', { commandId: 'dropTables', parameters: [{ name: 'query', value: 'sleep' }] }],
      ['no command', { parameters: [] }],
      ['no value at all', undefined],
      ['a string value', 'sleep'],
    ];
    for (const [name, value] of values) {
      it(`for ${name}`, async () => valid(await postQuery(test.url, value)));
    }
    it('gives an unknown command an empty result', async () => {
      assert.deepEqual((await postQuery(test.url, { commandId: 'dropTables', parameters: [{ name: 'query', value: 'sleep' }] })).attachments, []);
    });
  });
});
