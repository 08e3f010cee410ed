// Compose-box search over 20,000 sessions and 50,000 courses: index build time and memory, latency of
// the search service alone and of the whole HTTP round trip of a query invoke at 32 concurrent
// requests, and a plain case-insensitive regex scan of the store over the same data for the ratio.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createCatalogService } from '../src/compose-core';
import { CatalogIndex } from '../src/services/catalog-index';
import { CatalogSearchService } from '../src/services/catalog-search';
import type { StoreCollection } from '../src/store/collection';
import { readLockHolder } from '../src/store/embedded/data-dir-lock';
import { openEmbeddedDatabase } from '../src/store/embedded/embedded-database';
import { createStore } from '../src/store/open-store';
import { capacitySeatCounter } from '../test/fakes/seat-counter';
import { memoryMb, summarize } from './_stats';
import { COURSE_QUERIES, SESSION_QUERIES, syntheticCatalogue, typingQueries } from './_synthetic-catalogue';

// The app runs in its own process on the system clock: the catalogue starts from the real now.
const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const clock = { now: () => NOW };
const SESSIONS = 20_000;
const COURSES = 50_000;
const quietLog = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quietLog };
const print = (line: string) => process.stdout.write(`${line}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => process.memoryUsage().heapUsed / 1e6;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  print(`${os.cpus().length} CPUs, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (the machine may be shared: figures are indicative)`);
  try {
    await inProcess(dataDir);
    await overHttp(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function inProcess(dataDir: string): Promise<void> {
  const db = openEmbeddedDatabase({ dataDir });
  const store = createStore(db);
  const catalog = createCatalogService(store, { now: () => new Date() }, quietLog);
  let started = performance.now();
  const report = await catalog.import(syntheticCatalogue(NOW, SESSIONS, COURSES));
  print(`catalogue imported into the embedded store: ${report.sessions.accepted} sessions, ${report.courses.accepted} courses in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  gc();
  const heapBefore = heapMb();
  const index = new CatalogIndex({ sessions: store.sessions, courses: store.courses, version: store.catalogVersion, log: quietLog });
  started = performance.now();
  await index.start();
  index.stop();
  const buildMs = performance.now() - started;
  gc();
  print(`index build (read store + index ${SESSIONS + COURSES} items): ${buildMs.toFixed(0)} ms; heap held by the index and its items: ${(heapMb() - heapBefore).toFixed(0)} MB; ${memoryMb()}`);

  // Cold: every query ranked from the index. Warm: the same mix again, served from the ranking cache.
  const cold = new CatalogSearchService({ index, seats: capacitySeatCounter, popularity: { mostPopular: async () => [] }, clock, cachedQueries: 0 });
  const warm = new CatalogSearchService({ index, seats: capacitySeatCounter, popularity: { mostPopular: async () => [] }, clock });
  const run = (service: CatalogSearchService, kind: 'sessions' | 'courses', text: string | undefined) => {
    const request = { text: text ?? '', timeZone: 'Europe/Paris', skip: 0, count: 25 };
    return kind === 'sessions' ? service.searchSessions(request) : service.searchCourses(request);
  };
  const textOnly = (queries: readonly (string | undefined)[]) => queries.filter((query): query is string => query !== undefined);
  await measure('service cold: sessions, query mix', SESSION_QUERIES, 50, (text) => run(cold, 'sessions', text));
  await measure('service cold: courses, query mix', COURSE_QUERIES, 50, (text) => run(cold, 'courses', text));
  await measure(`service cold: sessions, ${typingQueries().length} typed prefixes`, typingQueries(), 3, (text) => run(cold, 'sessions', text));
  await measure(`service cold: courses, ${typingQueries().length} typed prefixes`, typingQueries(), 3, (text) => run(cold, 'courses', text));
  await measure('service warm (cached rankings): sessions, query mix', SESSION_QUERIES, 50, (text) => run(warm, 'sessions', text));
  const service = await measure('service cold: sessions, text queries only', textOnly(SESSION_QUERIES), 50, (text) => run(cold, 'sessions', text));

  const sessions = db.collection<Record<string, unknown>>('sessions');
  const scan = await measure('regex scan of the store (mingo), same texts', textOnly(SESSION_QUERIES), 5, (text) => regexScan(sessions, text));
  const all = await store.sessions.listAll();
  const arrayScan = await measure('regex scan of an in-memory array, same texts', textOnly(SESSION_QUERIES), 20, async (text) => {
    const pattern = new RegExp(escape(text.trim()), 'i');
    return all.filter((s) => s.startsAt >= NOW && s.status !== 'cancelled' && [s.title, s.description, s.facilitator, ...s.topics].some((field) => pattern.test(field)))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, 25);
  });
  print(`ratio p50 store regex scan / service: ${(scan.p50 / service.p50).toFixed(0)}×; p99: ${(scan.p99 / service.p99).toFixed(0)}× (array scan / service p50: ${(arrayScan.p50 / service.p50).toFixed(0)}×)`);
  print('  note: the regex scans find fewer results (no prefix per word, no accents, no typos), so the ratio flatters them');
  await db.close();
}

/** A plain case-insensitive regex over the searchable fields, listed sessions only, soonest first. */
function regexScan(sessions: StoreCollection<Record<string, unknown>>, text: string) {
  const $regex = escape(text.trim());
  return sessions
    .find(
      { startsAt: { $gte: NOW }, status: { $ne: 'cancelled' }, $or: ['title', 'description', 'facilitator', 'topics'].map((field) => ({ [field]: { $regex, $options: 'i' } })) },
      { sort: { startsAt: 1 }, limit: 25 },
    )
    .toArray();
}

/** The app in its own process, as in production, so the load generator does not share its event loop. */
async function overHttp(dataDir: string): Promise<void> {
  const started = performance.now();
  const app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error', NODE_ENV: 'bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const port = await readyPort(dataDir, app);
    print(`app start in its own process on the same store (load + index): ${(performance.now() - started).toFixed(0)} ms; rss ${rssMb(app)} MB`);
    // Cold: each typed prefix once per command (nothing cached yet). Warm: the same texts again, in
    // another order, as many people typing the same first letters would send them.
    const texts: (string | undefined)[] = [...typingQueries(), ...COURSE_QUERIES, undefined];
    const cold = texts.flatMap((text) => [invoke('searchSessions', text), invoke('searchCourses', text)]);
    const shuffled = [...cold].sort((a, b) => hash(a) - hash(b));
    await concurrently(32, 320, [invoke('searchSessions', 'warm-up'), invoke('searchCourses', 'warm-up')], port, agent);
    const coldRun = await concurrently(32, cold.length, cold, port, agent);
    summarize(`HTTP round trip, 32 concurrent, cold (${cold.length} distinct)`, coldRun.samples, coldRun.wallMs);
    const warmRun = await concurrently(32, 6_400, shuffled, port, agent);
    summarize('HTTP round trip, 32 concurrent, warm (same texts again)', warmRun.samples, warmRun.wallMs);
    print(`app rss after the runs: ${rssMb(app)} MB`);
  } finally {
    agent.destroy();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
  }
}

/** The port the app advertises in its store lock once it listens, then its readiness probe. */
async function readyPort(dataDir: string, app: ChildProcess): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
    const port = readLockHolder(dataDir)?.port;
    if (port && (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false))) return port;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app did not become ready within 2 minutes');
}

function rssMb(app: ChildProcess): string {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1];
    return kb ? (Number(kb) / 1024).toFixed(0) : 'n/a';
  } catch (error) {
    return `n/a (${(error as Error).message})`;
  }
}

function hash(text: string): number {
  let value = 2_166_136_261;
  for (let i = 0; i < text.length; i += 1) value = Math.imul(value ^ text.charCodeAt(i), 16_777_619);
  return value >>> 0;
}

function invoke(commandId: string, text: string | undefined): string {
  return JSON.stringify({
    type: 'invoke', name: 'composeExtension/query', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9', id: 'bench',
    from: { id: '29:bench', aadObjectId: 'bench-user' }, recipient: { id: '28:bot' }, conversation: { id: 'a:bench', conversationType: 'personal', tenantId: 't' },
    channelData: { tenant: { id: 't' } }, locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Paris' }],
    value: { commandId, parameters: [text === undefined ? { name: 'initialRun', value: 'true' } : { name: 'query', value: text }], queryOptions: { skip: 0, count: 25 } },
  });
}

async function concurrently(workers: number, total: number, bodies: readonly string[], port: number, agent: http.Agent) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < total) {
      const body = bodies[next++ % bodies.length]!;
      const t0 = performance.now();
      await post(port, body, agent);
      samples.push(performance.now() - t0);
    }
  }));
  return { samples, wallMs: performance.now() - started };
}

function post(port: number, body: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200 || !Buffer.concat(chunks).toString().includes('"composeExtension"')) reject(new Error(`HTTP ${response.statusCode}`));
        else resolve();
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function measure<T>(label: string, queries: readonly T[], rounds: number, call: (query: T) => Promise<unknown>) {
  for (const query of queries) await call(query); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const t0 = performance.now();
      await call(query);
      samples.push(performance.now() - t0);
    }
  }
  summarize(label, samples, performance.now() - started);
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]! };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
