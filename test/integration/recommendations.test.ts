import assert from 'node:assert/strict';
import fs from 'node:fs';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { ALEX, BLAIR, invokeActivity, messageActivity } from '../helpers/activities';
import { postJson, type TestApp, useAppWithConnector } from '../helpers/app';
import { cardAfter, importSessions, sessionRecord, urlOf } from '../helpers/booking';

type Card = Record<string, unknown> & { body: Record<string, unknown>[] };
type Action = { type: string; title: string; url?: string; verb?: string; data?: Record<string, unknown> };

/** The course blocks of a recommendations card: title and its two actions. */
function courses(card: Card) {
  return card.body
    .filter((block) => block.type === 'Container' && block.id !== 'room')
    .map((block) => {
      const items = block.items as Record<string, unknown>[];
      const actions = (items.find((item) => item.type === 'ActionSet')!.actions as Action[]);
      return { title: String(items[0]!.text), reason: String(items[2]!.text).replace(/^💡 /, ''), open: actions.find((a) => a.type === 'Action.OpenUrl')!, dismiss: actions.find((a) => a.type === 'Action.Execute')! };
    });
}

describe('recommendations over HTTP', () => {
  let connector: FakeBotConnector;
  let test: TestApp;

  useAppWithConnector((app) => ({ connector, test } = app));

  async function recommendCard(options: { locale?: string; user?: typeof ALEX } = {}): Promise<Card> {
    const before = connector.sentCards().length;
    await postJson(`${test.url}/api/messages`, messageActivity(options.locale?.startsWith('fr') ? 'recommandations' : 'recommend', { serviceUrl: connector.url, ...options }));
    await connector.waitFor(/activities/, before + 1);
    return connector.sentCards()[before] as Card;
  }
  const local = (url: string) => { const parsed = new URL(url); return `${test.url}${parsed.pathname}${parsed.search}`; };
  const action = (verb: string, data: unknown, user = ALEX) => postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, { serviceUrl: connector.url, user }));
  async function usageLines(): Promise<string[]> {
    await test.stop();
    const file = `${test.dataDir}/usage.jsonl`;
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  }

  it('answers recommend with a card of up to 5 courses, each with Open and Not interested', async () => {
    const card = await recommendCard();
    assert.equal(card.version, '1.5');
    assert.equal(card.refresh, undefined);
    assert.equal(card.body[0]!.text, 'Recommended for you');
    const items = courses(card);
    assert.equal(items.length, 5);
    for (const item of items) {
      assert.match(item.open.url!, /\/r\/course\/c-\d+\?t=/);
      assert.equal(item.dismiss.verb, 'course.dismiss');
      assert.match(String(item.dismiss.data!.courseId), /^c-\d+$/);
    }
  });

  it('answers recommandations in French', async () => {
    const card = await recommendCard({ locale: 'fr-FR' });
    assert.equal(card.body[0]!.text, 'Recommandé pour vous');
    assert.equal(courses(card)[0]!.open.title, 'Ouvrir');
  });

  it('records the open through the tracked link, sends the browser on, and stops recommending the course', async () => {
    const [first] = courses(await recommendCard());
    const response = await fetch(local(first!.open.url!), { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location')!, /^https:\/\/learn\.example\.com\/courses\/c-\d+$/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.ok(!courses(await recommendCard()).some((c) => c.title === first!.title));
    const courseId = new URL(first!.open.url!).pathname.split('/').pop();
    const lines = await usageLines();
    for (const kind of ['course.viewed', 'recommendation.opened']) {
      assert.ok(lines.some((line) => line.includes(`"kind":"${kind}"`) && line.includes(`"itemId":"${courseId}"`) && line.includes(ALEX.aadObjectId)), kind);
    }
  });

  it('suggests a viewing room on a recommended course\'s topic, through a tracked link that records the visit', async () => {
    const card = await recommendCard();
    const room = card.body.find((block) => block.id === 'room') as { items: Record<string, unknown>[] } | undefined;
    assert.ok(room, 'a room is suggested');
    assert.match(String(room.items[0]!.text), /^🎧 A viewing room on these topics: /);
    const url = ((room.items[1]!.actions as Action[])[0]!).url!;
    assert.match(url, /\/r\/room\/[\w.-]+\?t=/);
    const followed = await fetch(local(url), { redirect: 'manual' });
    assert.equal(followed.status, 302);
    assert.ok((await usageLines()).some((line) => line.includes('"room.visited"')), 'the visit is recorded');
  });

  it('records nothing for a HEAD request, a tampered token or no token, and 404s an unknown item', async () => {
    const [first] = courses(await recommendCard());
    assert.equal((await fetch(local(first!.open.url!), { method: 'HEAD', redirect: 'manual' })).status, 302);
    const tampered = new URL(local(first!.open.url!));
    const [claims, mac] = tampered.searchParams.get('t')!.split('.');
    tampered.searchParams.set('t', `${claims}.${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`);
    assert.equal((await fetch(tampered, { redirect: 'manual' })).status, 302);
    const room = await fetch(`${test.url}/r/room/r-1`, { redirect: 'manual' });
    assert.equal(room.headers.get('location'), 'https://learn.example.com/rooms/r-1');
    assert.equal((await fetch(`${test.url}/r/course/no-such-course`, { redirect: 'manual' })).status, 404);
    assert.equal((await fetch(`${test.url}/r/room/..%2Fetc`, { redirect: 'manual' })).status, 404);
    assert.ok((await usageLines()).every((line) => /recommendation\.shown/.test(line)));
  });

  it('takes a course off on "Not interested", answering with the card for this person only', async () => {
    const [first] = courses(await recommendCard());
    const response = await action('course.dismiss', first!.dismiss.data);
    assert.equal(response.status, 200);
    const body = response.body as { statusCode: number; type: string; value: Card };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(body.value.refresh, undefined, 'no refresh: teams-ai would otherwise replace the card for everyone');
    assert.match(String(body.value.body[2]!.text), new RegExp(`we won't suggest '${first!.title.replace(/[()]/g, '.')}' again`));
    assert.ok(!courses(body.value).some((c) => c.title === first!.title));
    assert.ok(!courses(await recommendCard()).some((c) => c.title === first!.title), 'remembered');
    assert.equal(connector.requestsTo(/activities\/[^/]+$/, 'PUT').length, 0, 'the shared message is not updated');
  });

  it('answers a dismissal from another surface with a short confirmation, and bad data with a friendly card', async () => {
    const other = (await action('course.dismiss', { courseId: 'c-1' })).body as { value: Card };
    assert.match(String(other.value.body[1]!.text), /we won't suggest 'Sleep better in 7 days' again/);
    for (const data of [{}, { courseId: '$where' }, { courseId: 'c-1', surface: 'x' }]) {
      const refused = (await action('course.dismiss', data)).body as { statusCode: number; value: Card };
      assert.equal(refused.statusCode, 200);
      assert.equal(refused.value.body[0]!.text, 'Something did not work');
    }
  });

  it('turns the weekly digest on and off from the card', async () => {
    const card = await recommendCard();
    const toggle = card.body.find((b) => b.type === 'ActionSet')!.actions as Action[];
    assert.deepEqual([toggle[0]!.title, toggle[0]!.data], ['Send me a weekly digest', { weeklyDigest: true }]);
    const on = ((await action('recommendations.digest', { weeklyDigest: true })).body as { value: Card }).value;
    assert.deepEqual((on.body.find((b) => b.type === 'ActionSet')!.actions as Action[])[0]!.data, { weeklyDigest: false });
    assert.match(JSON.stringify(on), /Stop the weekly digest/);
    const refused = ((await action('recommendations.digest', { weeklyDigest: 'yes' })).body as { value: Card }).value;
    assert.equal(refused.body[0]!.text, 'Something did not work');
  });

  it('explains recommendations by a session the person attended through the join link', async () => {
    await importSessions(test, [sessionRecord('s-1', { title: 'Breathe together', topics: ['stress'] })]);
    const as = { user: ALEX, serviceUrl: connector.url };
    await cardAfter(test, 'session.book', { sessionId: 's-1' }, as);
    test.clock.set('2026-12-02T12:00:00Z');
    const join = urlOf(await cardAfter(test, 'session.refresh', { sessionId: 's-1' }, { ...as, trigger: 'automatic' }), /\/r\/join\//)!;
    assert.equal((await fetch(local(join), { redirect: 'manual' })).status, 302);
    const [first] = courses(await recommendCard());
    assert.equal(first!.reason, "Because you attended 'Breathe together'");
  });

  it('never tells one person what another did', async () => {
    for (const item of courses(await recommendCard())) await fetch(local(item.open.url!), { redirect: 'manual' });
    const blair = courses(await recommendCard({ user: BLAIR }));
    assert.ok(blair.every((item) => item.reason === 'A short course to start with'), blair.map((b) => b.reason).join(' | '));
  });
});
