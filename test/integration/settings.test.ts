import assert from 'node:assert/strict';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { invokeActivity, messageActivity } from '../helpers/activities';
import { postJson, type TestApp, useAppWithConnector } from '../helpers/app';
import { readAppPackageText, templateManifest } from '../helpers/app-package';

type Element = { type: string; id?: string; value?: string; text?: string; choices?: { title: string; value: string }[] };
type Card = { body: Element[]; version: string };

/** The settings card: reminders, interests and the weekly digest, saved with one Universal Action. */
describe('settings', () => {
  let connector: FakeBotConnector;
  let test: TestApp;

  useAppWithConnector((app) => ({ connector, test } = app), { env: { SCHEDULER_ENABLED: 'false' } });

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
  /** Every text of a card, in reading order. */
  const textsOf = (node: unknown): string[] =>
    typeof node === 'string' ? [node] : typeof node === 'object' && node !== null ? Object.values(node).flatMap(textsOf) : [];

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

  it('has every setting that the help card and the manifest say it has', async () => {
    // A word naming a setting, and the input that must be on the card for that word to be true.
    const promises: Record<'en' | 'fr', [RegExp, string][]> = {
      en: [[/reminder/i, 'reminderOffsets'], [/interest/i, 'interests'], [/digest/i, 'weeklyDigest'], [/language/i, 'locale']],
      fr: [[/rappel/i, 'reminderOffsets'], [/intérêt/i, 'interests'], [/hebdomadaire/i, 'weeklyDigest'], [/langue/i, 'locale']],
    };
    const manifestCommands = (templateManifest() as { bots: { commandLists: { commands: { title: string; description: string }[] }[] }[] }).bots[0]!.commandLists[0]!.commands;
    const index = manifestCommands.findIndex((command) => command.title === 'settings');
    const french = JSON.parse(readAppPackageText('fr.json')) as Record<string, string>;
    for (const [language, locale, command] of [['en', 'en-US', 'settings'], ['fr', 'fr-FR', 'paramètres']] as const) {
      const settingsCard = await say(command, locale);
      const helpTexts = textsOf(await say(language === 'en' ? 'help' : 'aide', locale));
      const helpRow = helpTexts[helpTexts.indexOf(command) + 1];
      const manifestText = language === 'en' ? manifestCommands[index]!.description : french[`bots[0].commandLists[0].commands[${index}].description`];
      for (const description of [helpRow, manifestText]) {
        assert.ok(description, `the ${language} description of ${command} is found`);
        for (const [word, id] of promises[language]) {
          if (word.test(description)) assert.ok(input(settingsCard, id), `"${description}" promises ${id}, which the ${language} card lacks`);
        }
      }
    }
  });

  it('refuses a digest value that is not a toggle value, and keeps the old settings', async () => {
    const refused = await save({ reminderOffsets: '', interests: 'sleep', weeklyDigest: 'yes please' });
    assert.equal(refused.body[0]!.text, 'Something did not work');
    assert.equal(input(await say('settings'), 'interests')!.value, '');
  });
});
