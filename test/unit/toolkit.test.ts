import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { placeholderNames } from '../../scripts/app-package/placeholders';
import { ROOT } from '../helpers/app-package';

/**
 * The Toolkit's own schema for these files, copied from the npm package @microsoft/teamsfx-core 3.1.3
 * (resource/yaml-schema/v1.11/yaml.schema.json), the one `# yaml-language-server: $schema=` names.
 */
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/toolkit/yaml.schema.v1.11.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const load = (file: string) => parse(read(file)) as ProjectFile;
const uses = (actions: Action[] | undefined) => (actions ?? []).map((a) => a.uses);
const action = (actions: Action[] | undefined, name: string) => (actions ?? []).find((a) => a.uses === name);

/** Every `${{VAR}}` a project file uses, in itself and in the files its actions read. */
function referencedVariables(file: string): Set<string> {
  const project = load(file);
  const texts = [read(file)];
  for (const step of [...project.provision, ...(project.deploy ?? []), ...(project.publish ?? [])]) {
    for (const key of ['manifestPath', 'parameters']) {
      const target = step.with?.[key];
      if (typeof target === 'string') texts.push(read(target));
    }
    for (const template of (step.with?.templates as { parameters?: string }[] | undefined) ?? []) {
      if (template.parameters) texts.push(read(template.parameters));
    }
  }
  texts.push(read('appPackage/fr.json'));
  return new Set(texts.flatMap((text) => placeholderNames(text)));
}

/** Variables the env file lists, the actions write, and the Bicep outputs arm/deploy writes back. */
function definedVariables(file: string, envName: string): Set<string> {
  const project = load(file);
  const defined = new Set(Object.keys(parseEnv(read(`env/.env.${envName}`))));
  for (const step of [...project.provision, ...(project.deploy ?? []), ...(project.publish ?? [])]) {
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) defined.add(name);
    for (const template of (step.with?.templates as { path: string }[] | undefined) ?? []) {
      for (const match of read(template.path).matchAll(/^output (\w+) /gm)) defined.add(match[1]!);
    }
  }
  // The Toolkit generates RESOURCE_SUFFIX on first provision when it is empty.
  defined.add('RESOURCE_SUFFIX');
  return defined;
}

describe('Microsoft 365 Agents Toolkit project', () => {
  for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
    it(`${file} parses and validates against the Toolkit's v1.11 schema`, () => {
      const project = load(file);
      assert.equal(project.version, 'v1.11');
      assert.match(read(file), /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json$/m);
      assert.equal(validate(project), true, JSON.stringify(validate.errors?.slice(0, 3)));
    });
  }

  it('the schema check fails on an unknown action or a bad input (it can fail)', () => {
    const project = load('teamsapp.yml');
    assert.equal(validate({ ...project, provision: [...project.provision, { uses: 'teamsApp/teleport', with: {} }] }), false);
    const broken = load('teamsapp.yml');
    delete broken.provision.find((a) => a.uses === 'arm/deploy')!.with!.templates;
    assert.equal(validate(broken), false);
  });

  describe('teamsapp.yml (Azure)', () => {
    const project = load('teamsapp.yml');

    it('provisions the Teams app, the Entra app with its secret, Azure resources and the validated package', () => {
      assert.deepEqual(uses(project.provision), [
        'teamsApp/create', 'aadApp/create', 'aadApp/update', 'arm/deploy',
        'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update',
      ]);
      const entra = action(project.provision, 'aadApp/create')!;
      assert.deepEqual(entra.with, { name: 'Wellbeing${{APP_NAME_SUFFIX}}', generateClientSecret: true, generateServicePrincipal: true, signInAudience: 'AzureADMyOrg' });
      assert.deepEqual(entra.writeToEnvironmentFile, { clientId: 'BOT_ID', clientSecret: 'SECRET_BOT_PASSWORD', objectId: 'BOT_OBJECT_ID', tenantId: 'BOT_TENANT_ID' });
      assert.equal(action(project.provision, 'aadApp/update')!.with!.manifestPath, './aad.manifest.json');
    });

    it('deploys to App Service after a type check, and publishes to the organisation catalogue', () => {
      assert.deepEqual(uses(project.deploy), ['cli/runNpmCommand', 'cli/runNpxCommand', 'azureAppService/zipDeploy']);
      assert.equal(action(project.deploy, 'azureAppService/zipDeploy')!.with!.ignoreFile, '.webappignore');
      assert.deepEqual(uses(project.publish).slice(-2), ['teamsApp/update', 'teamsApp/publishAppPackage']);
    });

    it('builds the package where npm run package does, per environment', () => {
      const zip = action(project.provision, 'teamsApp/zipAppPackage')!.with!;
      assert.equal(zip.outputZipPath, './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
      assert.equal(zip.manifestPath, './appPackage/manifest.json');
    });

    it('has a value or a producer for every variable it uses, except the MongoDB secret it asks for', () => {
      const missing = [...referencedVariables('teamsapp.yml')].filter((name) => !definedVariables('teamsapp.yml', 'dev').has(name));
      assert.deepEqual(missing, ['SECRET_MONGODB_URI']);
      assert.match(read('env/.env.dev'), /SECRET_MONGODB_URI/, 'env/.env.dev tells where to set it');
    });
  });

  describe('teamsapp.local.yml (Teams, bot on this machine)', () => {
    const project = load('teamsapp.local.yml');

    it('registers a single-tenant bot for the tunnel endpoint with the Teams channel', () => {
      assert.deepEqual(uses(project.provision), [
        'teamsApp/create', 'aadApp/create', 'aadApp/update', 'botFramework/create',
        'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update',
      ]);
      assert.equal(action(project.provision, 'aadApp/create')!.with!.signInAudience, 'AzureADMyOrg');
      const bot = action(project.provision, 'botFramework/create')!.with!;
      assert.equal(bot.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
      assert.deepEqual(bot.channels, [{ name: 'msteams' }]);
    });

    it('writes the runtime settings src/config.ts reads into .localConfigs', () => {
      const file = action(project.deploy, 'file/createOrUpdateEnvironmentFile')!.with!;
      assert.equal(file.target, './.localConfigs');
      const config = read('src/config.ts');
      for (const name of Object.keys(file.envs as object)) assert.match(config, new RegExp(`'${name}'`), `config.ts reads ${name}`);
      assert.match(read('.gitignore'), /^\.localConfigs$/m);
    });

    it('has a value or a producer for every variable it uses', () => {
      const missing = [...referencedVariables('teamsapp.local.yml')].filter((name) => !definedVariables('teamsapp.local.yml', 'local').has(name));
      assert.deepEqual(missing, []);
    });
  });
});
