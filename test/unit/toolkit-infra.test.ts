import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, templateManifest, type Json } from '../helpers/app-package';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// No Bicep compiler is available offline, so these read the template as text: enough to keep it in
// step with the parameters file, the configuration and the security choices.
const bicep = read('infra/azure.bicep');
const params = [...bicep.matchAll(/^(@secure\(\)\n(?:@.*\n)*)?param (\w+) \w+( = .*)?$/gm)].map((m) => ({ name: m[2]!, secure: Boolean(m[1]), hasDefault: Boolean(m[3]) }));
const appSettings = [...bicep.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s*(.+)$/gm)].map((m) => ({ name: m[1]!, value: m[2]! }));

describe('infra/azure.bicep', () => {
  it('gets every parameter without a default from azure.parameters.json, and nothing else', () => {
    const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: Json }).parameters).sort();
    const required = params.filter((p) => !p.hasDefault).map((p) => p.name);
    assert.ok(required.every((name) => given.includes(name)), `missing: ${required.filter((n) => !given.includes(n)).join(', ')}`);
    assert.ok(given.every((name) => params.some((p) => p.name === name)), 'no unknown parameter');
  });

  it('takes the secrets as secure parameters and hands them to the app as Key Vault references', () => {
    assert.deepEqual(params.filter((p) => p.secure).map((p) => p.name).sort(), ['botAadAppClientSecret', 'intercomToken', 'mongodbUri']);
    for (const name of ['BOT_PASSWORD', 'MONGODB_URI', 'INTERCOM_TOKEN']) {
      assert.match(appSettings.find((s) => s.name === name)?.value ?? '', /^'@Microsoft\.KeyVault\(SecretUri=/, name);
    }
    assert.match(read('infra/azure.parameters.json'), /"\$\{\{SECRET_MONGODB_URI\}\}"/);
  });

  it('sets the production configuration of DESIGN.md §3, each a variable src/config.ts reads', () => {
    const names = appSettings.map((s) => s.name);
    for (const name of ['NODE_ENV', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'TEAMS_APP_ID', 'MONGODB_URI', 'MONGODB_DB', 'PUBLIC_BASE_URL']) {
      assert.ok(names.includes(name), `${name} is set`);
    }
    assert.ok(!names.includes('ALLOW_UNAUTHENTICATED_REQUESTS'), 'inbound authentication stays on');
    const config = read('src/config.ts');
    for (const name of names.filter((n) => n !== 'SCM_DO_BUILD_DURING_DEPLOYMENT')) assert.match(config, new RegExp(`'${name}'`), name);
    assert.match(bicep, /NODE_ENV: 'production'/);
  });

  it('registers a single-tenant Azure Bot with the Microsoft Teams channel on the web app', () => {
    assert.match(bicep, /msaAppType: 'SingleTenant'/);
    assert.match(bicep, /msaAppTenantId: botTenantId/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
  });

  it('runs Linux App Service over HTTPS only, with health checks', () => {
    for (const setting of ["linuxFxVersion: 'NODE|22-lts'", 'httpsOnly: true', "healthCheckPath: '/healthz'", "ftpsState: 'Disabled'", "minTlsVersion: '1.2'"]) {
      assert.ok(bicep.includes(setting), setting);
    }
  });
});

describe('aad.manifest.json (the bot\'s Entra app)', () => {
  const entra = JSON.parse(read('aad.manifest.json')) as {
    signInAudience: string;
    identifierUris: string[];
    appRoles: { id: string; value: string; isEnabled: boolean; allowedMemberTypes: string[] }[];
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };
  const graph = entra.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')!;

  it('is single tenant, with the resource the Teams manifest names', () => {
    assert.equal(entra.signInAudience, 'AzureADMyOrg');
    assert.deepEqual(entra.identifierUris, [(templateManifest().webApplicationInfo as { resource: string }).resource]);
  });

  it('declares the three app roles of /api/admin, each with its own fixed id', () => {
    assert.deepEqual(entra.appRoles.map((r) => r.value).sort(), ['Catalog.Manage', 'Privacy.Manage', 'Reports.Read']);
    assert.ok(entra.appRoles.every((r) => GUID.test(r.id) && r.isEnabled));
    assert.equal(new Set(entra.appRoles.map((r) => r.id)).size, 3);
  });

  it('asks Graph for exactly the three application permissions docs/permissions.md explains', () => {
    assert.equal(entra.requiredResourceAccess.length, 1, 'Graph only');
    assert.deepEqual(graph.resourceAccess.map((p) => p.id).sort(), ['TeamsActivity.Send', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'User.Read.All']);
    assert.ok(graph.resourceAccess.every((p) => p.type === 'Role'), 'application permissions, no delegated scope');
    const graphSection = read('docs/permissions.md').split('## ')[1]!;
    const documented = [...graphSection.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepEqual(documented, graph.resourceAccess.map((p) => p.id).sort());
  });
});

describe('local try-out files', () => {
  it('npm run package and npm run playground exist', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts.package, 'tsx scripts/package.ts');
    assert.equal(scripts.playground, 'tsx scripts/playground.ts');
  });

  it('the Playground has its own folder with a mock Teams context naming the bot', () => {
    const config = parse(read('playground/.m365agentsplayground.yml')) as { version: string; bot: { name: string }; currentUser: { id: string } };
    assert.equal(config.version, '0.1.1');
    assert.equal(config.bot.name, 'Wellbeing');
    assert.match(read('.gitignore'), /^playground\/devTools\/$/m);
    assert.match(read('.gitignore'), /^appPackage\/build\/$/m);
  });

  it('the deployed zip leaves out node_modules, tests and env files but keeps what npm install needs', () => {
    const ignored = read('.webappignore').split('\n').filter((line) => line && !line.startsWith('#'));
    for (const name of ['node_modules', 'test', 'env', '.localConfigs', '.data']) assert.ok(ignored.includes(name), name);
    for (const kept of ['src', 'package.json', 'package-lock.json', '.npmrc', 'tsconfig.json']) {
      assert.ok(!ignored.some((pattern) => pattern === kept || (pattern.startsWith('*') && kept.endsWith(pattern.slice(1)))), `${kept} is deployed`);
    }
  });
});
