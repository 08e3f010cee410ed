// Recommendations: quality (leave-last-out hit-rate@5 and NDCG@5 against a popularity-only baseline)
// on a synthetic population, then latency and memory with 1,000,000 usage records loaded in the
// embedded store. Fixed seeds: the same figures on every run, but for timings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log } from '../src/domain/ports';
import { UsageAggregator } from '../src/domain/recommendation/aggregator';
import type { UsageRecord } from '../src/domain/usage';
import { PersonalCourseRanking } from '../src/services/personal-course-ranking';
import { recommendationProfileHolder } from '../src/services/recommendation-erasure';
import { RecommendationService } from '../src/services/recommendation-service';
import { LinkSigner } from '../src/services/signed-links';
import { TrackedLinks } from '../src/services/tracked-links';
import { UsageService } from '../src/services/usage-service';
import { openEmbeddedDatabase } from '../src/store/embedded/embedded-database';
import { ensureIndexes } from '../src/store/indexes';
import { createStore, type Store } from '../src/store/open-store';
import { usageHolder } from '../src/store/repositories/privacy-repositories';
import type { UsageDocument } from '../src/store/repositories/usage-repository';
import { evaluate, hybrid, leaveLastOut, popularityOnly, type Quality } from './_recommend-quality';
import { memoryMb, summarize } from './_stats';
import { generateWorld, mulberry32, type SyntheticWorld } from './_synthetic-usage';

const quiet: Log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };
const POPULATION = { seed: 7, tenantShares: [0.5, 0.3, 0.2], courses: 300, months: 6 };

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min) at start`);
  quality();
  await latency();
  console.log(`machine: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end`);
}

function quality(): void {
  const world = generateWorld({ ...POPULATION, people: 2_000, meanEvents: 40 });
  const split = leaveLastOut(world);
  console.log(`\nquality: ${world.people.length} people in 3 tenants, ${world.courses.length} courses in 12 topics, ${world.records.length} records over 6 months; ${split.heldOut.length} held out (leave-last-out)`);
  const line = (label: string, q: Quality) => console.log(`${label.padEnd(48)} n=${String(q.people).padStart(5)}  hit-rate@5 ${(q.hitRate * 100).toFixed(1).padStart(5)} %  NDCG@5 ${q.ndcg.toFixed(3)}`);
  const baseline = evaluate(world, split, popularityOnly);
  const ours = evaluate(world, split, hybrid());
  line('popularity only (baseline)', baseline);
  line('hybrid recommender (shipped)', ours);
  console.log(`${'hybrid / baseline hit-rate'.padEnd(48)} ${(ours.hitRate / baseline.hitRate).toFixed(2)}x (goal >= 2x)`);
  line('  without the diversity rule', evaluate(world, split, hybrid({ maxPerTopic: 99 })));
  for (const days of [14, 42, 120]) line(`  half-life ${days} days`, evaluate(world, split, hybrid({ halfLifeMs: days * 86_400_000 })));
  const cold = (h: { trainingEvents: number }) => h.trainingEvents <= 3;
  line('cold start (<= 3 prior records): hybrid', evaluate(world, split, hybrid(), cold));
  line('cold start (<= 3 prior records): baseline', evaluate(world, split, popularityOnly, cold));
}

async function latency(): Promise<void> {
  let world: SyntheticWorld | undefined = generateWorld({ ...POPULATION, seed: 11, people: 40_000, meanEvents: 50, maxRecords: 1_000_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-recommend-'));
  const db = openEmbeddedDatabase({ dataDir });
  try {
    await ensureIndexes(db);
    const store = createStore(db);
    await store.courses.upsertMany(world.courses);
    const people = world.people.slice();
    console.log(`\nlatency: ${world.records.length} usage records of ${people.length} people in 3 tenants, embedded store`);
    const heapBefore = heapMb();
    let started = performance.now();
    const usage = db.collection<UsageRecord & { _id: string }>('usage');
    for (let i = 0; i < world.records.length; i += 10_000) {
      await usage.insertMany(world.records.slice(i, i + 10_000).map((record, j) => ({ _id: `u${i + j}`, ...record })));
    }
    console.log(`raw records inserted in ${((performance.now() - started) / 1000).toFixed(1)} s; heap +${(heapMb() - heapBefore).toFixed(0)} MB for the raw records in the embedded engine`);
    started = performance.now();
    const aggregator = new UsageAggregator();
    for (const record of world.records) aggregator.add(record, world.topicsOf(record.itemType, record.itemId));
    const heapBeforeAggregates = heapMb();
    await store.usageAggregates.importSnapshot(aggregator);
    console.log(`aggregates folded and written in ${((performance.now() - started) / 1000).toFixed(1)} s; heap +${(heapMb() - heapBeforeAggregates).toFixed(0)} MB for them in the store; on disk: ${['usageProfiles', 'usagePopularity', 'usageCooccurrence'].map((c) => `${c} ${fileMb(dataDir, c)} MB`).join(', ')}`);
    world = undefined; // only the store holds the data from here on
    console.log(`memory with everything loaded: ${memoryMb()} (after GC: heap ${heapMb().toFixed(0)} MB)`);
    await measure(store, people.map(({ userId, tenantId }) => ({ userId, tenantId })));
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(store: Store, people: { userId: string; tenantId: string }[]): Promise<void> {
  const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
  const usage = new UsageService({ usage: store.usage, aggregates: store.usageAggregates, sessions: store.sessions, courses: store.courses, rooms: store.rooms, clock, log: quiet });
  const links = new TrackedLinks({ signer: new LinkSigner(Buffer.alloc(32, 1)), publicBaseUrl: 'https://wellbeing.example.com', courses: store.courses, rooms: store.rooms, usage, clock, log: quiet });
  const recommendations = new RecommendationService({ aggregates: store.usageAggregates, users: store.users, courses: store.courses, sessions: store.sessions, rooms: store.rooms, catalogVersion: store.catalogVersion, usage, links, clock, log: quiet });
  const ranking = new PersonalCourseRanking({ recommendations, aggregates: store.usageAggregates });
  const rand = mulberry32(99);
  const sample = () => people[Math.floor(rand() * people.length)]!;
  for (let i = 0; i < 200; i += 1) await recommendations.recommend(sample(), 5); // warm-up

  await timed('recommend(person, 5)', 2_000, () => recommendations.recommend(sample(), 5));
  await timed('searchCourses initial run ranking (25 courses)', 1_000, () => ranking.mostPopular(sample(), 25));
  const courses = await store.courses.listAll();
  await timed('UsageService.record(course.viewed) incl. aggregates', 5_000, () => usage.record({ ...sample(), kind: 'course.viewed', itemType: 'course', itemId: courses[Math.floor(rand() * courses.length)]!.id }));
  // The erasure's own steps for usage: the profile's share of the tenant counts, then the raw records.
  const profileHolder = recommendationProfileHolder(store.usageAggregates);
  const rawHolder = usageHolder(store.db.collection<UsageDocument>('usage'));
  await timed('erase one person\'s usage (profile, tenant counts, raw records)', 200, async () => {
    const person = sample();
    await profileHolder.eraseFor(person);
    await rawHolder.eraseFor(person);
  });
}

async function timed(label: string, runs: number, run: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  summarize(label, samples, performance.now() - started);
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function fileMb(dataDir: string, collection: string): string {
  const file = path.join(dataDir, `${collection}.jsonl`);
  return fs.existsSync(file) ? (fs.statSync(file).size / 1e6).toFixed(1) : '0';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
