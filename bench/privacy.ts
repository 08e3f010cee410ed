// Erasure, export and the aggregate report over an embedded store holding 2,000 people with 20 usage
// records each (40,000 records): what one "forget me" costs (erasure of every holder, then the
// compaction that takes the person's old lines off the disk), one export, and one weekly report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composePrivacyOverStore } from '../src/compose-privacy';
import { loadConfig } from '../src/config';
import { createRootLogger } from '../src/logger';
import { openEmbeddedDatabase } from '../src/store/embedded/embedded-database';
import { ensureIndexes } from '../src/store/indexes';
import { createStore } from '../src/store/open-store';
import { memoryMb, summarize } from './_stats';

const PEOPLE = 2_000;
const RECORDS_EACH = 20;
const SAMPLES = 50;
const TENANT = '11111111-2222-3333-4444-555555555555';
const KINDS = ['session.booked', 'session.attended', 'course.viewed', 'room.visited'] as const;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-privacy-'));
  const db = openEmbeddedDatabase({ dataDir });
  const lines: (string | Promise<string>)[] = [];
  try {
    await ensureIndexes(db);
    const store = createStore(db);
    const started = Date.now();
    for (let p = 0; p < PEOPLE; p += 1) {
      const person = { userId: `user-${p}`, tenantId: TENANT };
      await store.users.upsertSeen(person, `person${p}@contoso.example`, new Date());
      for (let r = 0; r < RECORDS_EACH; r += 1) {
        await store.usage.record({ ...person, kind: KINDS[r % KINDS.length]!, itemType: 'session', itemId: `s-${r}`, at: new Date(Date.UTC(2026, 10, 1 + (r % 28))) });
      }
    }
    lines.push(`seeded ${PEOPLE} people × ${RECORDS_EACH} usage records in ${Date.now() - started} ms`);
    const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'bench' });
    const privacy = await composePrivacyOverStore(config, store, { now: () => new Date() }, createRootLogger({ level: 'silent' }));

    lines.push(await measure('export one person', SAMPLES, (i) => privacy.privacy.exportData({ userId: `user-${i}`, tenantId: TENANT })));
    lines.push(await measure('weekly report over all usage', 10, () => privacy.reports.report()));
    lines.push(await measure('forget one person (erase + compact)', SAMPLES, (i) => privacy.privacy.forget({ userId: `user-${PEOPLE - 1 - i}`, tenantId: TENANT }, { actor: 'operator-cli' })));
    lines.push(memoryMb());
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  for (const line of await Promise.all(lines)) console.log(line);
  console.log(`machine: ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(2)}`);
}

/** Runs `work` `count` times, one after another; resolves the printed line. */
function measure(label: string, count: number, work: (i: number) => Promise<unknown>): Promise<string> {
  return (async () => {
    const samples: number[] = [];
    const wall = Date.now();
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      await work(i);
      samples.push(performance.now() - t);
    }
    const captured: string[] = [];
    const original = console.log;
    console.log = (text: string) => captured.push(text);
    summarize(label, samples, Date.now() - wall);
    console.log = original;
    return captured.join('\n');
  })();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
