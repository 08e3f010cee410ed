import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DataDirLockedError, readLockHolder } from '../../src/store/embedded/data-dir-lock';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { startTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

describe('embedded store durability', function () {
  this.timeout(60_000);

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = makeTempDir('durability');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../fixtures/durability-writer.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let lastAck = { n: -1, value: 0 };
    let buffered = '';
    const killAfter = 300 + Math.floor(Math.random() * 500);
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const [, n, value] = line.split(' ');
          lastAck = { n: Number(n), value: Number(value) };
        }
        if (lastAck.n >= killAfter && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    assert.ok(lastAck.n >= killAfter, `the writer acknowledged only ${lastAck.n} writes`);

    const db = openEmbeddedDatabase({ dataDir });
    try {
      const docs = db.collection<{ _id: string; n: number }>('docs');
      const stored = await docs.countDocuments({ n: { $lte: lastAck.n } });
      assert.equal(stored, lastAck.n + 1, 'every acknowledged insert is on disk');
      const counter = await db.collection<{ _id: string; value: number }>('counter').findOne({ _id: 'c' });
      assert.ok(counter!.value >= lastAck.value, `counter ${counter!.value} lost acknowledged increments (last ack ${lastAck.value})`);
      assert.deepEqual(db.corruption, []);
    } finally {
      await db.close();
    }
  });

  it('reports a corrupt or truncated data file and keeps every intact record', async () => {
    const dataDir = makeTempDir('corrupt');
    const good = (id: string) => JSON.stringify({ p: {
      _id: id, title: `Session ${id}`, description: 'd', topics: ['sleep'], facilitator: 'F', startsAt: { $date: '2026-12-10T10:00:00.000Z' },
      durationMinutes: 30, capacity: 10, language: 'en', joinUrl: 'https://example.com/j', status: 'scheduled',
    } });
    fs.writeFileSync(path.join(dataDir, 'sessions.jsonl'), [good('s1'), '{"p": {"_id": "s2", "tit', good('s3'), 'garbage', `${good('s4').slice(0, 20)}`].join('\n'));
    const test = await startTestApp({ DATA_DIR: dataDir });
    try {
      const report = test.logs.find(/data file held unreadable lines/);
      assert.ok(report, 'the corruption is logged at start-up');
      assert.equal(report.level, 50);
      assert.deepEqual(report.corruptLines, [2, 4, 5]);
      assert.ok(fs.existsSync(String(report.keptCopy)), 'the damaged original is kept aside');
    } finally {
      await test.stop();
    }
    const db = openEmbeddedDatabase({ dataDir });
    try {
      const ids = (await db.collection('sessions').find({}).toArray()).map((doc) => doc._id);
      assert.deepEqual(ids.sort(), ['s1', 's3']);
    } finally {
      await db.close();
    }
  });

  it('lets only one process open a data folder at a time', async () => {
    const dataDir = makeTempDir('lock');
    const first = openEmbeddedDatabase({ dataDir });
    try {
      assert.throws(() => openEmbeddedDatabase({ dataDir }), (error: unknown) => error instanceof DataDirLockedError && error.holder.pid === process.pid);
    } finally {
      await first.close();
    }
    const again = openEmbeddedDatabase({ dataDir });
    await again.close();
  });

  it('takes over the lock of a process that died', async () => {
    const dataDir = makeTempDir('stale-lock');
    fs.writeFileSync(path.join(dataDir, 'LOCK'), JSON.stringify({ pid: 2 ** 22 + 12345, secret: 'x' }));
    const db = openEmbeddedDatabase({ dataDir });
    const holder = readLockHolder(dataDir);
    assert.equal(holder?.pid, process.pid, 'the LOCK file names this process while the store is open');
    assert.notEqual(holder.secret, 'x', 'with a secret of its own, not the dead holder\'s');
    await db.close();
    assert.equal(fs.existsSync(path.join(dataDir, 'LOCK')), false, 'and released on close');
  });
});
