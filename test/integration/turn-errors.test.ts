import assert from 'node:assert/strict';
import type { Store } from '../../src/store/open-store';
import { FakeBotConnector } from '../fakes/bot-connector';
import { invokeActivity } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';
import { failingWhile } from '../helpers/unreliable';

/** A turn that throws still answers with a friendly card, whatever route threw. */
describe('a failing turn', () => {
  let connector: FakeBotConnector;
  let test: TestApp;
  let usersDown = false;

  /** The people store refuses every call while `usersDown` is set, as an unreachable database would. */
  const unreliable = (store: Store): Store => ({
    ...store,
    users: failingWhile(store.users, () => usersDown),
  });

  beforeEach(async () => {
    usersDown = false;
    connector = await new FakeBotConnector().start();
    test = await startTestApp({ SCHEDULER_ENABLED: 'false' }, undefined, { wrapStore: unreliable });
  });
  afterEach(async () => {
    await test.stop();
    await connector.stop();
  });

  it('answers a card action whose route threw with the error card, not a 501', async () => {
    usersDown = true;
    const response = await postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'settings.save', data: { reminderOffsets: '900000' } }, trigger: 'manual' }, { serviceUrl: connector.url }));
    assert.equal(response.status, 200);
    const body = response.body as { statusCode: number; type: string; value: { body: { text: string }[] } };
    assert.deepEqual([body.statusCode, body.type], [200, 'application/vnd.microsoft.card.adaptive']);
    assert.equal(body.value.body[0]!.text, 'Something did not work');
    assert.ok(test.logs.find('turn failed'), 'the failure is logged for operators');
  });
});
