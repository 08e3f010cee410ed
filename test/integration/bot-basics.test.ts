import assert from 'node:assert/strict';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { ALEX, installActivity, messageActivity, baseActivity } from '../helpers/activities';
import { postJson, type TestApp, useAppWithConnector } from '../helpers/app';

describe('the bot over HTTP', () => {
  let connector: FakeBotConnector;
  let test: TestApp;

  useAppWithConnector((app) => ({ connector, test } = app));

  const cardTitle = (card: Record<string, unknown>) => (card.body as { text: string }[])[0]!.text;

  it('answers health and readiness probes', async () => {
    assert.deepEqual(await (await fetch(`${test.url}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${test.url}/readyz`);
    assert.equal(ready.status, 200);
  });

  it('sends the help card to the Bot Connector when a person types help', async () => {
    const response = await postJson(`${test.url}/api/messages`, messageActivity('help', { serviceUrl: connector.url }));
    assert.equal(response.status, 200);
    const [sent] = await connector.waitFor(/\/v3\/conversations\/.+\/activities/);
    assert.ok(sent!.path.startsWith(`/v3/conversations/${encodeURIComponent('a:personal-29:alex')}/activities`), sent!.path);
    const [card] = connector.sentCards();
    assert.equal(card!.version, '1.5');
    assert.equal(cardTitle(card!), 'What I can do');
  });

  it('answers in French to aide from a French client', async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('aide', { serviceUrl: connector.url, locale: 'fr-FR' }));
    await connector.waitFor(/activities/);
    assert.equal(cardTitle(connector.sentCards()[0]!), 'Ce que je sais faire');
  });

  it('answers any other text with the help card', async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('what is this?', { serviceUrl: connector.url }));
    await connector.waitFor(/activities/);
    assert.equal(cardTitle(connector.sentCards()[0]!), 'What I can do');
  });

  it('greets a person who installs the app in their personal scope', async () => {
    await postJson(`${test.url}/api/messages`, installActivity({ serviceUrl: connector.url }));
    await connector.waitFor(/activities/);
    assert.equal(cardTitle(connector.sentCards()[0]!), 'Welcome to Wellbeing 👋');
  });

  it('returns the card in the HTTP answer when the caller asks for expectReplies', async () => {
    const response = await postJson(`${test.url}/api/messages`, { ...messageActivity('help', { serviceUrl: connector.url }), deliveryMode: 'expectReplies' });
    assert.equal(response.status, 200);
    const activities = (response.body as { activities: { attachments: { content: Record<string, unknown> }[] }[] }).activities;
    assert.equal(cardTitle(activities[0]!.attachments[0]!.content), 'What I can do');
    assert.equal(connector.sentActivities().length, 0);
  });

  it('does not answer a search result someone shared into the chat', async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('<p><span class="inline-compose-card" contenteditable="false"></span></p>', { serviceUrl: connector.url }));
    await postJson(`${test.url}/api/messages`, messageActivity('help', { serviceUrl: connector.url }));
    await connector.waitFor(/activities/);
    assert.equal(connector.sentActivities().length, 1, 'only the help request is answered');
  });

  it('refuses a malformed activity with 400 and writes nothing', async () => {
    for (const body of ['{not json', { type: 'message' }, { ...messageActivity('help', { serviceUrl: connector.url }), from: undefined }, [], 'null']) {
      const response = await postJson(`${test.url}/api/messages`, body);
      assert.equal(response.status, 400, `for ${JSON.stringify(body).slice(0, 60)}`);
    }
    assert.equal(connector.requests.length, 0);
  });

  it("keeps the person's personal conversation reference, with ids and no names", async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('help', { serviceUrl: connector.url }));
    await connector.waitFor(/activities/);
    await test.stop();
    const fs = await import('node:fs');
    const saved = fs.readFileSync(`${test.dataDir}/conversationReferences.jsonl`, 'utf8');
    assert.match(saved, new RegExp(ALEX.aadObjectId));
    assert.match(saved, /a:personal-29:alex/);
    assert.doesNotMatch(saved, /Alex Wilber/);
  });

  it('does not keep references of group chats (reminders go to the personal chat)', async () => {
    await postJson(`${test.url}/api/messages`, messageActivity('help', { serviceUrl: connector.url, conversationType: 'groupChat', conversationId: '19:group' }));
    await connector.waitFor(/activities/);
    await test.stop();
    const fs = await import('node:fs');
    assert.equal(fs.readFileSync(`${test.dataDir}/conversationReferences.jsonl`, 'utf8').trim(), '');
  });

  it('never reads the conversation roster', async () => {
    await postJson(`${test.url}/api/messages`, installActivity({ serviceUrl: connector.url }));
    await postJson(`${test.url}/api/messages`, { ...baseActivity('conversationUpdate', { serviceUrl: connector.url, conversationType: 'groupChat' }), membersAdded: [{ id: '28:bot' }] });
    await postJson(`${test.url}/api/messages`, messageActivity('help', { serviceUrl: connector.url, conversationType: 'channel' }));
    await connector.waitFor(/activities/, 2);
    assert.deepEqual(connector.rosterCalls(), []);
  });
});
