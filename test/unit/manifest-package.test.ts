import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { loadPackageEnvironment } from '../../scripts/app-package/environment';
import { fillJsonPlaceholders, placeholderNames } from '../../scripts/app-package/placeholders';
import { manifestSchemaProblems } from '../../scripts/app-package/schemas';
import { APP_PACKAGE_DIR, PROVISIONED, ROOT, type Json } from '../helpers/app-package';
import { makeTempDir } from '../helpers/temp-dir';

/** Runs `npm run package` as a developer would, with only the given variables besides PATH and HOME. */
function runPackage(env: Record<string, string>, args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'package', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run package', function () {
  this.timeout(60_000);

  it('fails naming each missing variable, where it is used and where to set it, and writes nothing', () => {
    const out = makeTempDir('package');
    const { status, output } = runPackage({ BOT_ID: PROVISIONED.BOT_ID }, ['--env', 'dev', '--out', out]);
    assert.equal(status, 1, output);
    assert.match(output, /TEAMS_APP_ID is not set \(used in manifest\.json\): set it in env\/\.env\.dev/);
    assert.match(output, /BOT_DOMAIN is not set/);
    assert.doesNotMatch(output, /BOT_ID is not set/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('writes appPackage.<env>.zip with the manifest, fr.json and icons at its root, filled and valid', async () => {
    const out = makeTempDir('package');
    const { status, output } = runPackage({ ...PROVISIONED }, ['--env', 'dev', '--out', out]);
    assert.equal(status, 0, output);
    const zipPath = path.join(out, 'appPackage.dev.zip');
    assert.match(output, /appPackage\.dev\.zip/);

    const entries = unzipSync(readFileSync(zipPath));
    assert.deepEqual(Object.keys(entries).sort(), ['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Json;
    assert.deepEqual(await manifestSchemaProblems(manifest), []);
    assert.equal(manifest.id, PROVISIONED.TEAMS_APP_ID);
    assert.deepEqual(manifest.name, { short: 'Wellbeing-dev', full: 'Wellbeing: group sessions and courses' });
    const french = Buffer.from(entries['fr.json']!).toString('utf8');
    assert.equal((JSON.parse(french) as Json)['name.short'], 'Bien-être-dev');
    assert.deepEqual(placeholderNames(french + JSON.stringify(manifest)), []);
    for (const icon of ['color.png', 'outline.png']) {
      assert.ok(Buffer.from(entries[icon]!).equals(readFileSync(path.join(APP_PACKAGE_DIR, icon))), icon);
    }
  });

  it('takes the environment from TEAMSFX_ENV and lets the process environment override the env file', () => {
    const out = makeTempDir('package');
    const { status, output } = runPackage({ ...PROVISIONED, TEAMSFX_ENV: 'local', APP_NAME_SUFFIX: '' }, ['--out', out]);
    assert.equal(status, 0, output);
    const manifest = JSON.parse(Buffer.from(unzipSync(readFileSync(path.join(out, 'appPackage.local.zip')))['manifest.json']!).toString('utf8')) as Json;
    assert.equal((manifest.name as Json).short, 'Wellbeing', 'APP_NAME_SUFFIX may be empty, as in production');
  });

  it('refuses an environment name that could leave the env folder', () => {
    const { status, output } = runPackage({}, ['--env', '../secrets', '--out', makeTempDir('package')]);
    assert.equal(status, 1);
    assert.match(output, /environment name "\.\.\/secrets" is not valid/);
  });
});

describe('placeholders and env files', () => {
  it('escape values for JSON and keep unknown placeholders, reporting them', () => {
    const { text, missing } = fillJsonPlaceholders('{"a":"${{NAME}} & ${{ OTHER }}","b":"${{EMPTY}}"}', { NAME: 'Say "hi"\\', EMPTY: '' });
    assert.deepEqual(missing, ['OTHER', 'EMPTY']);
    assert.equal((JSON.parse(text) as Json).a, 'Say "hi"\\ & ${{ OTHER }}');
  });

  it('read env/.env.<env>, then its .user file, with the process environment winning', () => {
    const root = makeTempDir('envfiles');
    mkdirSync(path.join(root, 'env'));
    writeFileSync(path.join(root, 'env/.env.qa'), 'A=from-file\nB=from-file\nC=from-file\n');
    writeFileSync(path.join(root, 'env/.env.qa.user'), 'B=from-user-file\nSECRET_X="quoted # value"\n');
    const environment = loadPackageEnvironment(root, 'qa', { C: 'from-process' });
    assert.deepEqual(environment.files, ['env/.env.qa', 'env/.env.qa.user']);
    assert.deepEqual(
      { A: environment.values.A, B: environment.values.B, C: environment.values.C, SECRET_X: environment.values.SECRET_X },
      { A: 'from-file', B: 'from-user-file', C: 'from-process', SECRET_X: 'quoted # value' },
    );
    assert.ok(!existsSync(path.join(root, 'env/.env.missing')));
    assert.deepEqual(loadPackageEnvironment(root, 'missing', {}).files, []);
  });
});
