import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type FakeBotConnector } from '../fakes/bot-connector';
import { baseActivity, installActivity, invokeActivity, messageActivity } from '../helpers/activities';
import { postJson, type TestApp, useAppWithConnector } from '../helpers/app';
import { cardAction } from '../helpers/privacy';
import { assertStoreUnchanged, snapshotStore } from '../helpers/store-snapshot';

type Kind = 'message' | 'cardAction' | 'searchQuery' | 'installationUpdate' | 'conversationUpdate';

/** Values that are never a valid string (nor null, where the schema allows null). */
const notText = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }));
const notTextOrNull = fc.oneof(notText, fc.constant(null));
const notObject = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 3 }), fc.constant(null));
const notArray = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }), fc.constant(null));
const emptyOrNotText = fc.oneof(fc.constant(''), notTextOrNull);
const DELETE = Symbol('delete');
const REMOVED = fc.constant(DELETE);

/** Every field the bot relies on, each with values that break it (one is enough to make the activity malformed). */
const ENVELOPE: [string, fc.Arbitrary<unknown>][] = [
  ['type', fc.oneof(emptyOrNotText, REMOVED)],
  ['channelId', fc.oneof(emptyOrNotText, REMOVED)],
  ['serviceUrl', fc.oneof(emptyOrNotText, REMOVED, fc.constantFrom('javascript:alert(1)', 'ftp://x', 'not a url', `http://${'a'.repeat(3_000)}`))],
  ['from', fc.oneof(notObject, REMOVED)],
  ['from.id', fc.oneof(emptyOrNotText, REMOVED, fc.constant('x'.repeat(600)))],
  ['from.aadObjectId', notTextOrNull],
  ['recipient', fc.oneof(notObject, REMOVED)],
  ['recipient.id', fc.oneof(emptyOrNotText, REMOVED)],
  ['conversation', fc.oneof(notObject, REMOVED)],
  ['conversation.id', fc.oneof(emptyOrNotText, REMOVED)],
  ['conversation.tenantId', notTextOrNull],
  ['channelData', notObject],
  ['channelData.tenant', notObject],
  ['channelData.tenant.id', notTextOrNull],
  ['locale', fc.oneof(notText, fc.constant('x'.repeat(100)))],
  ['entities', notArray],
];
const BY_KIND: Record<Kind, [string, fc.Arbitrary<unknown>][]> = {
  message: [['text', fc.oneof(notTextOrNull, fc.constant('a'.repeat(30_000)))], ['attachments', notArray], ['value', fc.oneof(notObject, fc.array(fc.integer()))]],
  // A malformed card action gets a friendly "cannot be used" card (200), and must write nothing either.
  cardAction: [['name', emptyOrNotText], ['value.action', notObject], ['value.action.verb', fc.oneof(notTextOrNull, REMOVED)], ['value.action.data', fc.oneof(fc.integer(), fc.boolean(), fc.string())], ['value', notObject]],
  // A search always answers (an empty result when the query makes no sense): its value is mutated freely.
  searchQuery: [['name', emptyOrNotText], ['value', fc.anything({ maxDepth: 3 })], ['value.parameters', fc.anything({ maxDepth: 2 })], ['value.queryOptions', fc.anything({ maxDepth: 2 })], ['value.commandId', fc.anything({ maxDepth: 1 })]],
  installationUpdate: [['action', notTextOrNull]],
  conversationUpdate: [['membersAdded', fc.oneof(notArray, fc.array(notObject, { minLength: 1, maxLength: 3 }))], ['membersRemoved', notArray]],
};
/** Mutations of an invoke's value alone leave a well-formed activity: its route answers 200 with a friendly result. */
const FREE_PATHS = new Set(['value', 'value.parameters', 'value.queryOptions', 'value.commandId', 'value.action', 'value.action.verb', 'value.action.data']);

function validActivity(kind: Kind, serviceUrl: string): Record<string, unknown> {
  const options = { serviceUrl };
  switch (kind) {
    case 'message': return messageActivity('help', options);
    case 'cardAction': return invokeActivity('adaptiveCard/action', cardAction('session.book'), options);
    case 'searchQuery': return invokeActivity('composeExtension/query', { commandId: 'searchSessions', parameters: [{ name: 'query', value: 'sleep' }], queryOptions: { skip: 0, count: 25 } }, options);
    case 'installationUpdate': return installActivity(options);
    case 'conversationUpdate': return { ...baseActivity('conversationUpdate', options), membersAdded: [{ id: '28:bot' }] };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (const key of keys.slice(0, -1)) {
    const next = (node as Record<string, unknown>)[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return; // the parent is already broken
    node = next;
  }
  const last = keys.at(-1)!;
  if (value === DELETE) delete (node as Record<string, unknown>)[last];
  else (node as Record<string, unknown>)[last] = value;
}

const hostileActivity = fc.constantFrom<Kind>('message', 'cardAction', 'searchQuery', 'installationUpdate', 'conversationUpdate').chain((kind) =>
  fc.tuple(fc.constant(kind), fc.array(fc.constantFrom(...ENVELOPE, ...BY_KIND[kind]).chain(([path, bad]) => fc.tuple(fc.constant(path), bad)), { minLength: 1, maxLength: 3 })),
);

describe('hostile input at /api/messages', function () {
  this.timeout(120_000);
  let connector: FakeBotConnector;
  let test: TestApp;

  useAppWithConnector((app) => ({ connector, test } = app), { scope: 'all' });

  it('answers 1,200 malformed activities of every kind without a 5xx, a crash or a write', async () => {
    const before = snapshotStore(test.dataDir);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileActivity, async ([kind, mutations]) => {
        const activity = validActivity(kind, connector.url);
        for (const [path, value] of mutations) setPath(activity, path, value);
        const response = await postJson(`${test.url}/api/messages`, activity);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(activity).slice(0, 300)}`);
        const onlyFreeMutations = (kind === 'searchQuery' || kind === 'cardAction') && mutations.every(([path]) => FREE_PATHS.has(path));
        if (!onlyFreeMutations) assert.equal(response.status, 400, `accepted a malformed ${kind}: ${JSON.stringify(mutations).slice(0, 300)}`);
      }),
      { numRuns: 1_200, seed: 20261201 },
    );
    assertStoreUnchanged(test.dataDir, before, 'a malformed activity wrote to the store');
    assert.equal(test.logs.lines.filter((line) => Number(line.level) >= 50).length, 0, 'nothing failed inside the app');
    assert.deepEqual(connector.rosterCalls(), []);
    assert.ok((statuses.get(400) ?? 0) > 900, JSON.stringify([...statuses]));
  });

  it('is still healthy and serving afterwards', async () => {
    assert.equal((await fetch(`${test.url}/healthz`)).status, 200);
    const response = await postJson(`${test.url}/api/messages`, { ...messageActivity('help', { serviceUrl: connector.url }), deliveryMode: 'expectReplies' });
    assert.equal(response.status, 200);
  });

  it('refuses bodies that are not activities at all', async () => {
    for (const body of ['', 'null', '[]', '"text"', '42', '{"type":', '{}', JSON.stringify({ __proto__: { type: 'message' } })]) {
      const response = await postJson(`${test.url}/api/messages`, body);
      assert.equal(response.status, 400, body);
    }
  });
});
