import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

const BOT = { BOT_ID: '6f1c0e8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', BOT_PASSWORD: 'secret', BOT_TENANT_ID: '11111111-2222-3333-4444-555555555555' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration', () => {
  it('starts in local mode on the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.bot, undefined);
    assert.equal(config.allowUnauthenticatedRequests, false);
    assert.equal(config.mongo, undefined);
    assert.equal(config.dataDir, './.data');
    assert.equal(config.graphBaseUrl, 'https://graph.microsoft.com');
    assert.equal(config.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(config.botServiceUrl, 'https://smba.trafficmanager.net/teams/');
    assert.equal(config.intercom, undefined);
    assert.deepEqual(config.reminderOffsetsMs, [86_400_000, 900_000]);
    assert.equal(config.notifyChannel, 'auto');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.publicBaseUrl, 'http://localhost:3978');
    assert.ok(Object.isFrozen(config));
  });

  it('reads a full bot registration and keeps inbound authentication on', () => {
    const config = loadConfig({ ...BOT, MONGODB_URI: 'mongodb://db:27017', INTERCOM_TOKEN: 'tok' });
    assert.deepEqual(config.bot, { id: BOT.BOT_ID, password: 'secret', tenantId: BOT.BOT_TENANT_ID });
    assert.equal(config.allowUnauthenticatedRequests, false);
    assert.deepEqual(config.mongo, { uri: 'mongodb://db:27017', dbName: 'wellbeing' });
    assert.deepEqual(config.intercom, { token: 'tok', baseUrl: 'https://api.intercom.io' });
  });

  it('names the variable and the fix when BOT_PASSWORD comes without BOT_ID', () => {
    const [problem] = problemsOf({ BOT_PASSWORD: 'secret' });
    assert.equal(problem, 'BOT_PASSWORD is set but BOT_ID is not: set both, or neither for local mode');
  });

  it('asks for the tenant of a single-tenant bot', () => {
    const problems = problemsOf({ BOT_ID: BOT.BOT_ID, BOT_PASSWORD: 'x' });
    assert.ok(problems.some((p) => p.startsWith('BOT_ID is set but BOT_TENANT_ID is not')), problems.join('\n'));
  });

  it('refuses local mode and unauthenticated requests in production', () => {
    assert.match(problemsOf({ NODE_ENV: 'production' })[0]!, /^BOT_ID is not set but NODE_ENV=production/);
    assert.ok(problemsOf({ ...BOT, NODE_ENV: 'production', ALLOW_UNAUTHENTICATED_REQUESTS: 'true' }).some((p) => p.startsWith('ALLOW_UNAUTHENTICATED_REQUESTS=true is refused')));
  });

  it('allows unauthenticated requests with a bot id outside production', () => {
    const config = loadConfig({ ...BOT, ALLOW_UNAUTHENTICATED_REQUESTS: 'true' });
    assert.equal(config.allowUnauthenticatedRequests, true);
  });

  it('lists every bad value at once, each with its variable', () => {
    const problems = problemsOf({ PORT: 'eighty', REMINDER_OFFSETS: '24h,soon', NOTIFY_CHANNEL: 'email', LOG_LEVEL: 'loud', MONGODB_URI: 'postgres://x', AUTHORITY_HOST: 'http://login', GRAPH_BASE_URL: 'not a url', ALLOW_UNAUTHENTICATED_REQUESTS: 'yes', TEAMS_APP_ID: 'app' });
    for (const name of ['PORT', 'REMINDER_OFFSETS', 'NOTIFY_CHANNEL', 'LOG_LEVEL', 'MONGODB_URI', 'AUTHORITY_HOST', 'GRAPH_BASE_URL', 'ALLOW_UNAUTHENTICATED_REQUESTS', 'TEAMS_APP_ID']) {
      assert.ok(problems.some((p) => p.startsWith(name)), `no problem names ${name}:\n${problems.join('\n')}`);
    }
  });

  it('parses reminder offsets in any order into longest first, without duplicates', () => {
    assert.deepEqual(loadConfig({ REMINDER_OFFSETS: '15m, 30s,24h,15m' }).reminderOffsetsMs, [86_400_000, 900_000, 30_000]);
  });
});
