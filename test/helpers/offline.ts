/**
 * The app's external services, for a test that starts no fake of its own for them: a closed port on
 * loopback (9, "discard"), so a call the test did not plan for fails at once and never reaches the
 * internet, whatever the defaults in src/config.ts. A test's own settings override these.
 */
export const UNREACHABLE_SERVICES: Readonly<Record<string, string>> = {
  AUTHORITY_HOST: 'https://127.0.0.1:9',
  BOT_OPENID_METADATA_URL: 'https://127.0.0.1:9/',
  // The Bot Connector's service URL ends with a slash, like Teams' own (`…/teams/`).
  BOT_SERVICE_URL: 'https://127.0.0.1:9/',
  GRAPH_BASE_URL: 'https://127.0.0.1:9',
  INTERCOM_BASE_URL: 'https://127.0.0.1:9',
};
