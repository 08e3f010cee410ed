import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector';
import { invokeActivity, messageActivity } from '../helpers/activities';
import { postJson, startTestApp, type TestApp } from '../helpers/app';

type Element = { type: string; id?: string; value?: string; text?: string; choices?: { title: string; value: string }[] };
type Card = { body: Element[]; version: string };

/** The settings card: reminders, interests and the weekly digest, saved with one Universal Action. */
describe('settings', () => {
  let connector: FakeBotConnector;
  let test: TestApp;

  beforeEach(async () => {
    connector = await new FakeBotConnector().start();
    test = await startTestApp({ SCHEDULER_ENABLED: 'false' });
  });
  afterEach(async () => {
    await test.stop();
    await connector.stop();
  });

  async function say(text: string, locale = 'en-US'): Promise<Card> {
    const before = connector.sentCards().length;
    await postJson(`${test.url}/api/messages`, messageActivity(text, { serviceUrl: connector.url, locale }));
    await connector.waitFor(/activities/, before + 1);
    return connector.sentCards()[before] as unknown as Card;
  }
  async function save(data: Record<string, string>): Promise<Card> {
    const response = await postJson(`${test.url}/api/messages`, invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'settings.save', data }, trigger: 'manual' }, { serviceUrl: connector.url }));
    return (response.body as { value: Card }).value;
  }
  const input = (card: Card, id: string) => card.body.find((element) => element.id === id);

  it('offers the catalogue topics as interests and the weekly digest, off by default', async () => {
    const card = await say('settings');
    const interests = input(card, 'interests')!;
    assert.equal(interests.type, 'Input.ChoiceSet');
    assert.equal(interests.value, '');
    assert.ok(interests.choices!.some((choice) => choice.value === 'sleep' && choice.title === 'sleep'));
    assert.ok(interests.choices!.some((choice) => choice.value === 'financial stress'));
    const digest = input(card, 'weeklyDigest')!;
    assert.deepEqual([digest.type, digest.value], ['Input.Toggle', 'false']);
  });

  it('shows the topics in French for a French reader', async () => {
    const card = await say('paramètres', 'fr-FR');
    assert.ok(input(card, 'interests')!.choices!.some((choice) => choice.value === 'sleep' && choice.title === 'sommeil'));
  });

  it('saves interests and the digest, keeps only real topics, and recommends from the interests', async () => {
    const saved = await save({ reminderOffsets: '86400000', interests: 'sleep,not-a-topic', weeklyDigest: 'true' });
    assert.equal(saved.body[1]!.text, '✓ Saved.');
    assert.equal(input(saved, 'interests')!.value, 'sleep');
    assert.equal(input(saved, 'weeklyDigest')!.value, 'true');
    assert.equal(input(saved, 'reminderOffsets')!.value, '86400000');

    const again = await say('settings');
    assert.equal(input(again, 'interests')!.value, 'sleep', 'kept for the next time');
    const recommendations = JSON.stringify(await say('recommend'));
    assert.match(recommendations, /Matches your interest in sleep/);
  });

  it('refuses a digest value that is not a toggle value, and keeps the old settings', async () => {
    const refused = await save({ reminderOffsets: '', interests: 'sleep', weeklyDigest: 'yes please' });
    assert.equal(refused.body[0]!.text, 'Something did not work');
    assert.equal(input(await say('settings'), 'interests')!.value, '');
  });
});
