import { loadConfig } from '../../src/config';
import { startApp, type RunningApp, type StartOptions } from '../../src/main';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FixedClock } from './clock';
import { LogCapture } from './log-capture';
import { UNREACHABLE_SERVICES } from './offline';
import { makeTempDir } from './temp-dir';

export interface TestApp {
  readonly app: RunningApp;
  readonly url: string;
  readonly logs: LogCapture;
  readonly clock: FixedClock;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole app in-process on a random port with the embedded store in a fresh folder, in
 * local mode unless `env` says otherwise, with every external service unreachable unless `env` points
 * it at a fake. Every test talks to it over HTTP.
 */
export async function startTestApp(env: Record<string, string> = {}, clock = new FixedClock(), options: Omit<StartOptions, 'clock' | 'logDestination'> = {}): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? makeTempDir('app');
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'test', ...UNREACHABLE_SERVICES, ...env });
  const logs = new LogCapture();
  // The privacy worker runs only when a test asks (runDue), so retries happen when the test says.
  const app = await startApp(config, { privacyWorkerIntervalMs: 0, ...options, clock, logDestination: logs });
  return { app, url: `http://127.0.0.1:${app.port}`, logs, clock, dataDir, stop: () => app.stop() };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body: parsed };
}

/**
 * Starts a fake Bot Connector and the app for each test (or once, `scope: 'all'`) and stops both
 * after; `started` hands them to the suite's own variables.
 */
export function useAppWithConnector(
  started: (app: { connector: FakeBotConnector; test: TestApp }) => void,
  options: { env?: Record<string, string>; scope?: 'each' | 'all' } = {},
): void {
  let running: { connector: FakeBotConnector; test: TestApp } | undefined;
  const [setUp, tearDown] = options.scope === 'all' ? [before, after] : [beforeEach, afterEach];
  setUp(async () => {
    const connector = await new FakeBotConnector().start();
    running = { connector, test: await startTestApp(options.env) };
    started(running);
  });
  tearDown(async () => {
    await running?.test.stop();
    await running?.connector.stop();
  });
}
