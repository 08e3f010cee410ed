import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createCourseCard, createCoursePreview } from '../../src/cards/course-card';
import { createNothingFoundResult } from '../../src/cards/search-cards';
import { createSessionCard, createSessionPreview } from '../../src/cards/session-card';
import { CARD_VERBS, type SessionCardView } from '../../src/cards/session-view';
import type { Course, Session } from '../../src/domain/catalog';

const FIXTURES = path.resolve(__dirname, '../fixtures/cards');
/** `UPDATE_FIXTURES=1 npm test -- --grep cards` rewrites the fixtures after an intended change; review the diff. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

const SESSION: Session = {
  id: 's-101', title: "Gérer l'anxiété au travail", description: "Reconnaître les premiers signes de l'anxiété et repartir avec trois techniques.",
  topics: ['anxiety', 'work'], facilitator: 'Dr. Amira Haddad', startsAt: new Date('2026-12-03T11:30:00.000Z'), durationMinutes: 45,
  capacity: 12, language: 'fr', joinUrl: 'https://teams.microsoft.com/l/meetup-join/demo', status: 'scheduled',
};
const COURSE: Course = {
  id: 'c-7', title: 'Sleep better in 7 days', description: 'A self-paced course of 35 minutes on sleep.', topics: ['sleep'],
  durationMinutes: 95, language: 'en', url: 'https://learn.example.com/courses/c-7',
};
const WHERE = { timeZone: 'Europe/Paris', locale: 'en-GB' };

const VIEWS: Record<string, SessionCardView> = {
  'session-open.en': { session: SESSION, language: 'en', state: 'open', seatsLeft: 7 },
  'session-open-last-seat.fr': { session: SESSION, language: 'fr', state: 'open', seatsLeft: 1 },
  'session-full.fr': { session: SESSION, language: 'fr', state: 'full', seatsLeft: 0 },
  'session-booked-moved.en': {
    session: SESSION, language: 'en', state: 'booked', seatsLeft: 3, movedFrom: new Date('2026-12-02T11:30:00Z'),
    joinUrl: 'https://app.example.com/join/s-101?t=signed', calendarUrl: 'https://app.example.com/calendar/s-101.ics?t=signed',
  },
  'session-waitlisted.fr': { session: SESSION, language: 'fr', state: 'waitlisted', seatsLeft: 0, waitlistPosition: 2 },
  'session-started.en': { session: SESSION, language: 'en', state: 'started', seatsLeft: 2, joinUrl: 'https://app.example.com/join/s-101?t=signed' },
  'session-cancelled.en': { session: { ...SESSION, status: 'cancelled' }, language: 'en', state: 'cancelled', seatsLeft: 12 },
};

function matchesFixture(name: string, actual: unknown): void {
  const file = path.join(FIXTURES, `${name}.json`);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE) fs.writeFileSync(file, json);
  assert.ok(fs.existsSync(file), `no fixture ${name}.json: run with UPDATE_FIXTURES=1 and review it`);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')), `${name} differs from its fixture (UPDATE_FIXTURES=1 to accept)`);
}

type Action = { type: string; verb?: string; data?: unknown; url?: string; title: string };
const actionsOf = (card: Record<string, unknown>) => (card.actions as Action[] | undefined) ?? [];

describe('session and course cards', () => {
  for (const [name, view] of Object.entries(VIEWS)) {
    it(`renders ${name} as its fixture`, () => {
      matchesFixture(name, { card: createSessionCard(view), preview: createSessionPreview(view, WHERE) });
    });
  }

  it('renders courses in English and French as their fixtures', () => {
    matchesFixture('course.en', { card: createCourseCard(COURSE, 'en'), preview: createCoursePreview(COURSE, 'en') });
    matchesFixture('course.fr', { card: createCourseCard(COURSE, 'fr'), preview: createCoursePreview(COURSE, 'fr') });
  });

  it('stamps version 1.5 and leaves no template expression unexpanded', () => {
    const cards = [...Object.values(VIEWS).map((view) => createSessionCard(view)), createCourseCard(COURSE, 'fr'), createNothingFoundResult('sessions', 'fr').card];
    for (const card of cards) {
      assert.equal(card.version, '1.5');
      assert.doesNotMatch(JSON.stringify(card), /\$\{|"\$when"|"\$data"/);
    }
  });

  it('offers the action each state calls for, as Universal Actions carrying only the session id', () => {
    const verbs = (name: string) => actionsOf(createSessionCard(VIEWS[name]!)).map((action) => action.verb ?? action.type);
    assert.deepEqual(verbs('session-open.en'), [CARD_VERBS.book]);
    assert.deepEqual(verbs('session-full.fr'), [CARD_VERBS.book]);
    assert.deepEqual(verbs('session-booked-moved.en'), [CARD_VERBS.cancel, 'Action.OpenUrl', 'Action.OpenUrl']);
    assert.deepEqual(verbs('session-waitlisted.fr'), [CARD_VERBS.cancel]);
    assert.deepEqual(verbs('session-started.en'), ['Action.OpenUrl']);
    assert.deepEqual(verbs('session-cancelled.en'), []);
    for (const view of Object.values(VIEWS)) {
      for (const action of actionsOf(createSessionCard(view)).filter((a) => a.type === 'Action.Execute')) assert.deepEqual(action.data, { sessionId: 's-101' });
    }
  });

  it('carries a refresh so each viewer sees their own state', () => {
    const card = createSessionCard(VIEWS['session-open.en']!);
    assert.deepEqual(card.refresh, { action: { type: 'Action.Execute', verb: CARD_VERBS.refresh, data: { sessionId: 's-101' } } });
  });

  it('writes dates with the Adaptive Card DATE and TIME functions in the form the renderer accepts', () => {
    const text = JSON.stringify(createSessionCard(VIEWS['session-booked-moved.en']!));
    // The pattern of adaptivecards' text-formatters: no fractions of a second.
    const functions = text.match(/\{\{(DATE|TIME)\([^)]*\)\}\}/g) ?? [];
    assert.equal(functions.length, 4);
    for (const call of functions) assert.match(call, /^\{\{(DATE|TIME)\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})(, ?(COMPACT|LONG|SHORT))?\)\}\}$/);
  });

  it('writes the preview time in the viewer’s zone and locale', () => {
    assert.match(createSessionPreview(VIEWS['session-open.en']!, WHERE).subtitle!, /12:30/);
    assert.match(createSessionPreview(VIEWS['session-open.en']!, { timeZone: 'America/New_York', locale: 'en-US' }).subtitle!, /06:30 AM/);
    assert.match(createSessionPreview(VIEWS['session-open.en']!, { timeZone: 'Not/AZone' }).subtitle!, /11:30 UTC/);
  });

  it('truncates huge titles and descriptions and stays far below the 80 KB guidance', () => {
    const huge: Session = { ...SESSION, title: '🧘 Calm '.repeat(20_000), description: 'é'.repeat(100_000), facilitator: 'F'.repeat(10_000), topics: Array(12).fill('t'.repeat(40)) };
    const view: SessionCardView = { ...VIEWS['session-booked-moved.en']!, session: huge };
    const card = createSessionCard(view);
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 10_000, `card is ${Buffer.byteLength(JSON.stringify(card))} bytes`);
    const preview = createSessionPreview(view, WHERE);
    assert.ok(Array.from(preview.title).length <= 80 && preview.title.endsWith('…'));
    assert.doesNotMatch(preview.title, /[\uD800-\uDBFF]$|[\uD800-\uDBFF]…$/, 'no half emoji before the ellipsis');
    const course = createCourseCard({ ...COURSE, title: 'x'.repeat(100_000), description: 'y'.repeat(100_000) }, 'en');
    assert.ok(Buffer.byteLength(JSON.stringify(course)) < 10_000);
  });

  it('shows text from the catalogue as typed, never as a template expression', () => {
    const card = createSessionCard({ ...VIEWS['session-open.en']!, session: { ...SESSION, title: '${state} ${join(verbs, ",")}' } });
    assert.equal((card.body as { text: string }[])[0]!.text, '${state} ${join(verbs, ",")}');
  });
});
