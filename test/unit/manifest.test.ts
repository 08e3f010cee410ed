import assert from 'node:assert/strict';
import { localizationSchemaProblems, manifestSchemaProblems, unknownLocalizationKeys } from '../../scripts/app-package/schemas';
import { normalizeCommandText, parsePersonalCommand, PERSONAL_COMMANDS, SEARCH_COMMANDS } from '../../src/bot/commands';
import { FEED_ACTIVITY_TYPES } from '../../src/integrations/graph/activity-types';
import { filledJson, parts, PROVISIONED, templateManifest, type Json } from '../helpers/app-package';

const PLACEHOLDER = /\$\{\{\s*\w+\s*\}\}/;

/** Value at a JSON pointer such as `/bots/0/botId`. */
function atPointer(root: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);
}

describe('appPackage/manifest.json', () => {
  describe('schema v1.30, validated offline', () => {
    it('declares the v1.30 schema', () => {
      const manifest = templateManifest();
      assert.equal(manifest.manifestVersion, '1.30');
      assert.equal(manifest.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    });

    it('validates once its placeholders are filled', async () => {
      assert.deepEqual(await manifestSchemaProblems(filledJson('manifest.json')), []);
    });

    it('as a template, fails only where a placeholder stands for a GUID or URL', async () => {
      const template = templateManifest();
      const problems = await manifestSchemaProblems(template);
      assert.ok(problems.length > 0, 'the raw template is not a valid manifest');
      for (const problem of problems) {
        const pointer = problem.split(' ')[0]!;
        assert.match(String(atPointer(template, pointer)), PLACEHOLDER, `unexpected problem: ${problem}`);
      }
    });

    it('reports a broken manifest (the validator can fail)', async () => {
      const manifest = filledJson('manifest.json');
      delete manifest.icons;
      const problems = await manifestSchemaProblems({ ...manifest, accentColor: 'green' });
      assert.ok(problems.some((p) => p.includes("required property 'icons'")), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('/accentColor')), problems.join('\n'));
    });
  });

  describe('bot and commands', () => {
    const manifest = parts(filledJson('manifest.json'));
    const bot = manifest.bots[0]!;

    it('is one bot for personal chats, teams and group chats', () => {
      assert.equal(manifest.bots.length, 1);
      assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
      assert.equal(bot.botId, PROVISIONED.BOT_ID);
    });

    it('lists every personal command, in the order of PERSONAL_COMMANDS, with its English text as title', () => {
      const list = bot.commandLists.find((l) => l.scopes.includes('personal'));
      assert.ok(list, 'a command list for the personal scope');
      assert.deepEqual(list.commands.map((c) => parsePersonalCommand(c.title)), Object.keys(PERSONAL_COMMANDS));
      assert.deepEqual(list.commands.map((c) => c.title), Object.values(PERSONAL_COMMANDS).map((texts) => texts[0]));
      for (const command of list.commands) assert.ok(command.description.length > 10, `${command.title} has a description`);
    });

    it('binds the search extension to the same bot with exactly the SEARCH_COMMANDS ids', () => {
      assert.equal(manifest.composeExtensions.length, 1);
      const extension = manifest.composeExtensions[0]!;
      assert.equal(extension.botId, bot.botId);
      assert.deepEqual(extension.commands.map((c) => c.id).sort(), Object.values(SEARCH_COMMANDS).sort());
    });

    it('makes each search a query that runs on open and takes one parameter named query', () => {
      for (const command of manifest.composeExtensions[0]!.commands) {
        assert.equal(command.type, 'query', command.id);
        assert.equal(command.initialRun, true, command.id);
        assert.deepEqual(command.parameters.map((p) => p.name), ['query'], command.id);
        assert.ok(command.description && command.parameters[0]!.description, `${command.id} explains itself in the compose box`);
      }
    });
  });

  describe('activity feed', () => {
    const declared = parts(filledJson('manifest.json')).activities.activityTypes;

    it('declares every type in FEED_ACTIVITY_TYPES, and only those', () => {
      assert.deepEqual(declared.map((a) => a.type).sort(), Object.values(FEED_ACTIVITY_TYPES).sort());
    });

    it('uses only the {title} template parameter (and Teams\' own {actor})', () => {
      for (const activity of declared) {
        const names = [...activity.templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        assert.ok(names.every((name) => name === 'title' || name === 'actor'), activity.templateText);
        assert.ok(names.includes('title'), activity.templateText);
      }
    });
  });

  describe('permissions (least privilege)', () => {
    const manifest = parts(filledJson('manifest.json'));

    it('asks for no resource-specific consent and no legacy device permissions', () => {
      // An application RSC permission would force the broader ReadWriteAndConsent install permission (facts §5).
      assert.equal(manifest.authorization?.permissions?.resourceSpecific, undefined);
      assert.equal(manifest.permissions, undefined);
    });

    it('names the bot\'s Entra app in webApplicationInfo and the bot\'s host in validDomains', () => {
      assert.deepEqual(manifest.webApplicationInfo, { id: PROVISIONED.BOT_ID, resource: `api://botid-${PROVISIONED.BOT_ID}` });
      assert.deepEqual(manifest.validDomains, [PROVISIONED.BOT_DOMAIN]);
    });
  });
});

describe('appPackage/fr.json', () => {
  const manifest = filledJson('manifest.json');
  const french = filledJson('fr.json') as Record<string, string> & Json;
  const m = parts(manifest);

  it('is the French file the manifest names', () => {
    assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }] });
  });

  it('validates against the v1.30 localization schema and names only texts the manifest has', async () => {
    assert.deepEqual(await localizationSchemaProblems(french), []);
    assert.deepEqual(unknownLocalizationKeys(french, manifest), []);
  });

  it('reports a title longer than Teams allows and a key that names nothing', async () => {
    const broken = { ...french, 'composeExtensions[0].commands[0].title': 'x'.repeat(33) };
    assert.equal((await localizationSchemaProblems(broken)).length, 1);
    assert.deepEqual(unknownLocalizationKeys({ ...french, 'bots[0].commandLists[0].commands[9].title': 'x' }, manifest), ['bots[0].commandLists[0].commands[9].title']);
  });

  it('translates every command title into a text the bot reads as the same command', () => {
    m.bots[0]!.commandLists[0]!.commands.forEach((command, i) => {
      const title = french[`bots[0].commandLists[0].commands[${i}].title`];
      assert.ok(title && french[`bots[0].commandLists[0].commands[${i}].description`], `command ${i} is translated`);
      assert.equal(parsePersonalCommand(title), parsePersonalCommand(command.title), title);
      assert.notEqual(normalizeCommandText(title), normalizeCommandText(command.title), `${title} is French`);
    });
  });

  it('translates the search commands and every activity template', () => {
    m.composeExtensions[0]!.commands.forEach((_, i) => {
      for (const key of ['title', 'description', 'parameters[0].title', 'parameters[0].description']) {
        assert.ok(french[`composeExtensions[0].commands[${i}].${key}`], `composeExtensions[0].commands[${i}].${key}`);
      }
    });
    m.activities.activityTypes.forEach((activity, i) => {
      const text = french[`activities.activityTypes[${i}].templateText`];
      assert.ok(text && french[`activities.activityTypes[${i}].description`], `activity ${activity.type} is translated`);
      assert.ok(text.includes('{title}'), `${activity.type}: ${text} keeps {title}`);
    });
  });
});
