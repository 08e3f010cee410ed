// 500 people press Book on a 50-seat session, over HTTP through the whole app (embedded store):
// booked / waitlisted counts, errors, and per-invoke latency. Goal: p99 ≤ 100 ms, zero errors.
// Two shapes: all 500 sent at once (latency is then mostly waiting in line: one process serves them one
// after another), and the same 500 with at most 32 in flight, which shows the cost of one invoke.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import { startApp } from '../src/main';
import { readLockHolder } from '../src/store/embedded/data-dir-lock';
import { memoryMb, percentile, summarize } from './_stats';

const PEOPLE = 500;
const SEATS = 50;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-booking-'));
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'bench' }), { logDestination: quiet });
  const url = `http://127.0.0.1:${app.port}`;
  // The app routes `console` into its logger while it runs (bot/sdk-console.ts): print once it stopped.
  const runs: ({ label: string } & Awaited<ReturnType<typeof bookMany>>)[] = [];
  try {
    await warmUp(url, dataDir);
    for (const [label, sessionId, inFlight] of [['all at once', 's-burst', PEOPLE], ['32 in flight', 's-steady', 32]] as const) {
      await importSession(url, dataDir, sessionId);
      runs.push({ label, ...(await bookMany(url, sessionId, inFlight)) });
    }
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  for (const run of runs) {
    const sorted = [...run.samples].sort((x, y) => x - y);
    summarize(`book ×${PEOPLE} on ${SEATS} seats, ${run.label}`, run.samples, run.wall);
    console.log(`  booked ${run.outcomes.booked}, waitlisted ${run.outcomes.waitlisted}, errors ${run.outcomes.errors}; max ${sorted.at(-1)!.toFixed(1)} ms; CPU ${run.cpuMsPerInvoke.toFixed(2)} ms/invoke; goal p99 ≤ 100 ms ${percentile(sorted, 99) <= 100 ? 'met' : 'NOT met'}`);
  }
  console.log(`${memoryMb()}; machine: ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(2)}`);
}

async function bookMany(url: string, sessionId: string, inFlight: number) {
  const samples: number[] = [];
  const outcomes = { booked: 0, waitlisted: 0, errors: 0 };
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (next < PEOPLE) {
      const n = next++;
      const t0 = performance.now();
      const result = await book(url, `${sessionId}-${n}`, sessionId).catch(() => 'error' as const);
      samples.push(performance.now() - t0);
      outcomes[result === 'error' ? 'errors' : result] += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  // CPU per invoke (app and client together, one process) tells the cost apart from a busy machine's queueing.
  return { samples, outcomes, wall: performance.now() - started, cpuMsPerInvoke: (cpu.user + cpu.system) / 1000 / PEOPLE };
}

async function importSession(url: string, dataDir: string, sessionId: string): Promise<void> {
  const session = {
    id: sessionId, title: 'Bench', description: 'd', topics: ['stress'], facilitator: 'F', startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 45, capacity: SEATS, language: 'en', joinUrl: 'https://teams.microsoft.com/l/meetup-join/bench',
  };
  const response = await fetch(`${url}/internal/catalog/import`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${readLockHolder(dataDir)!.secret}` }, body: JSON.stringify({ sessions: [session] }),
  });
  if (!response.ok) throw new Error(`import failed: ${response.status}`);
}

/** A few bookings first, so the figures measure steady state rather than module loading. */
async function warmUp(url: string, dataDir: string): Promise<void> {
  await importSession(url, dataDir, 's-warm');
  for (let i = 0; i < 50; i += 1) await invoke(url, `warm-${i}`, 'session.book', 's-warm');
}

async function book(url: string, userId: string, sessionId: string): Promise<'booked' | 'waitlisted'> {
  const body = await invoke(url, userId, 'session.book', sessionId);
  const text = JSON.stringify(body);
  if (/your seat is saved/.test(text)) return 'booked';
  if (/joined the waitlist/.test(text)) return 'waitlisted';
  throw new Error(`unexpected answer: ${text.slice(0, 200)}`);
}

async function invoke(url: string, userId: string, verb: string, sessionId: string): Promise<unknown> {
  const activity = {
    type: 'invoke', name: 'adaptiveCard/action', id: `${userId}-${verb}`, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${userId}`, aadObjectId: userId }, recipient: { id: '28:bot' }, conversation: { id: '19:bench', conversationType: 'channel', tenantId: 't' },
    channelData: { tenant: { id: 't' } }, locale: 'en-US',
    value: { action: { type: 'Action.Execute', verb, data: { sessionId } }, trigger: 'manual' },
  };
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
