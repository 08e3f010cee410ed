import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import { invokeActivity } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { FixedClock } from '../helpers/clock';

// Delete with src/bot/routes/session-actions-placeholder.ts when booking lands.
describe('session card buttons before booking exists', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  before(async () => {
    connector = await new FakeBotConnector().start();
    test = await startTestApp({}, new FixedClock(new Date('2026-12-01T09:00:00Z')));
  });
  after(async () => {
    await test.stop();
    await connector.stop();
  });

  const execute = async (verb: string, data: unknown, locale = 'en-US') => {
    const value = { action: { type: 'Action.Execute', verb, data }, trigger: verb === 'session.refresh' ? 'automatic' : 'manual' };
    const response = await postJson(`${test.url}/api/messages`, { ...invokeActivity('adaptiveCard/action', value, { serviceUrl: connector.url, locale }), replyToId: 'm-1' });
    assert.equal(response.status, 200);
    return response.body as { statusCode: number; type: string; value: Record<string, unknown> & { body: { text: string }[] } };
  };

  it('answers Book and Cancel with a clear "coming soon" card, not an error', async () => {
    for (const verb of ['session.book', 'session.cancel']) {
      const answer = await execute(verb, { sessionId: 's-101' });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive');
      assert.equal(answer.value.version, '1.5');
      assert.equal(answer.value.body[0]!.text, 'Anxiety at work: practical tools');
      assert.match(answer.value.body[1]!.text, /^Coming soon: /);
      assert.equal('refresh' in answer.value, false);
    }
    assert.match((await execute('session.book', { sessionId: 's-101' }, 'fr-FR')).value.body[1]!.text, /^Bientôt disponible/);
  });

  it('answers a refresh with the session card as anyone sees it, without a refresh of its own', async () => {
    const answer = await execute('session.refresh', { sessionId: 's-102' });
    assert.equal(answer.value.body[0]!.text, "Gérer l'anxiété au travail");
    assert.equal('refresh' in answer.value, false);
    assert.deepEqual(connector.requests, [], 'the shared message is not replaced for everyone');
  });

  it('answers bad card data without an error', async () => {
    for (const data of [undefined, {}, { sessionId: { $gt: '' } }, { sessionId: 'x'.repeat(500) }, { sessionId: 'unknown' }]) {
      const answer = await execute('session.book', data);
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.value.body[0]!.text, 'Coming soon');
    }
  });
});
