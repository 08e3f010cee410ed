// Embedded engine: single-document atomic update throughput and a query over 10,000 documents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreCollection } from '../src/store/collection';
import { openEmbeddedDatabase } from '../src/store/embedded/embedded-database';
import { memoryMb, summarize } from './_stats';

interface Seat { _id: string; booked: number; capacity: number }
interface Item { _id: string; tenantId: string; kind: string; at: Date; n: number }

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const db = openEmbeddedDatabase({ dataDir });
  try {
    await atomicUpdates(db.collection<Seat>('seats'));
    await queries(db.collection<Item>('items'));
    console.log(`memory after: ${memoryMb()}`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function atomicUpdates(collection: StoreCollection<Seat>): Promise<void> {
  await collection.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: `s${i}`, booked: 0, capacity: 1_000_000 })));
  for (const concurrency of [1, 32]) {
    const samples: number[] = [];
    const total = 20_000;
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await collection.findOneAndUpdate({ _id: `s${i % 100}`, booked: { $lt: 1_000_000 } }, { $inc: { booked: 1 } }, { returnDocument: 'after' });
        samples.push(performance.now() - t0);
      }
    }));
    summarize(`atomic conditional $inc (concurrency ${concurrency})`, samples, performance.now() - started);
  }
}

async function queries(collection: StoreCollection<Item>): Promise<void> {
  const base = Date.UTC(2026, 0, 1);
  await collection.insertMany(Array.from({ length: 10_000 }, (_, i) => ({ _id: `i${i}`, tenantId: `t${i % 3}`, kind: i % 2 ? 'course.viewed' : 'session.booked', at: new Date(base + i * 60_000), n: i })));
  await collection.createIndex({ tenantId: 1 }, { name: 'tenant' });
  const runs: [string, () => Promise<unknown>][] = [
    ['10k docs: range + sort + limit 25 (scan)', () => collection.find({ at: { $gte: new Date(base + 5_000 * 60_000) }, kind: 'course.viewed' }, { sort: { at: -1 }, limit: 25 }).toArray()],
    ['10k docs: equality on an indexed field', () => collection.find({ tenantId: 't1' }, { limit: 25 }).toArray()],
    ['10k docs: count with a filter (scan)', () => collection.countDocuments({ n: { $mod: [7, 0] } })],
    ['10k docs: findOne by _id', () => collection.findOne({ _id: 'i4242' })],
  ];
  for (const [label, run] of runs) {
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    summarize(label, samples, performance.now() - started);
  }
}

void main();
