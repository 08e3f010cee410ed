import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { startTestApp } from '../helpers/app';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

const validSession = (id: string, title = 'Mieux dormir') => ({
  id, title, description: 'Un atelier', topics: ['Sleep'], facilitator: 'Claire Dubois', startsAt: '2026-12-24T10:00:00+01:00',
  durationMinutes: 45, capacity: 12, language: 'fr', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
});
const validCourse = { id: 'c-9', title: 'Sleep better in 7 days', description: 'Self-paced', topics: ['sleep'], durationMinutes: 35, language: 'en', url: 'https://learn.example.com/c-9' };

function writeCatalogue(content: unknown): string {
  const file = path.join(makeTempDir('catalogue-file'), 'catalogue.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Runs the real command, as `npm run catalog -- import FILE` does. */
function runImport(file: string, dataDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/catalog.ts', 'import', file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('catalogue import command', function () {
  this.timeout(30_000);

  it('upserts the valid records and reports each invalid one by index and field', async () => {
    const dataDir = makeTempDir('import');
    const file = writeCatalogue({ sessions: [validSession('s-1'), { ...validSession('s-2'), startsAt: '2026-12-24 10:00', capacity: 0 }, validSession('s-1', 'Dup')], courses: [validCourse, { ...validCourse, id: 'c-10', url: 'http://insecure.example.com' }] });
    const result = runImport(file, dataDir);
    assert.equal(result.code, 1, 'rejected records make the command fail');
    assert.match(result.stdout, /Imported 1 session\(s\), 1 course\(s\) and 0 viewing room\(s\)/);
    assert.match(result.stderr, /sessions\[1\]\.startsAt: must be an ISO 8601 date-time with a time zone/);
    assert.match(result.stderr, /sessions\[1\]\.capacity: /);
    assert.match(result.stderr, /sessions\[2\]\.id: duplicates the id "s-1"/);
    assert.match(result.stderr, /courses\[1\]\.url: must be an https URL/);
    const db = openEmbeddedDatabase({ dataDir });
    try {
      assert.deepEqual((await db.collection('sessions').find({}).toArray()).map((s) => [s._id, s.title, s.topics]), [['s-1', 'Mieux dormir', ['sleep']]]);
      assert.deepEqual((await db.collection('courses').find({}).toArray()).map((c) => c._id), ['c-9']);
    } finally {
      await db.close();
    }
  });

  it('succeeds with exit code 0 when every record is valid, and updates on a second run', () => {
    const dataDir = makeTempDir('import-ok');
    assert.equal(runImport(writeCatalogue({ sessions: [validSession('s-1')], courses: [validCourse] }), dataDir).code, 0);
    const again = runImport(writeCatalogue({ sessions: [validSession('s-1', 'Dormir mieux')] }), dataDir);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /catalogue version 2/);
  });

  it('queues a moved session for the people booked, even when no app is running to tell them now', async () => {
    const dataDir = makeTempDir('import-move');
    assert.equal(runImport(writeCatalogue({ sessions: [validSession('s-1')] }), dataDir).code, 0);
    const moved = runImport(writeCatalogue({ sessions: [{ ...validSession('s-1'), startsAt: '2026-12-24T15:00:00+01:00' }] }), dataDir);
    assert.equal(moved.code, 0);
    assert.match(moved.stdout, /1 session\(s\) moved or cancelled/);
    const db = openEmbeddedDatabase({ dataDir });
    try {
      const jobs = await db.collection<{ _id: string; payload: { kind: string; change: { kind: string; sessionId: string } }; status: string }>('deliveries').find({}).toArray();
      assert.deepEqual(jobs.map((job) => [job.payload.kind, job.payload.change.kind, job.payload.change.sessionId, job.status]), [['session.changed', 'moved', 's-1', 'pending']]);
    } finally {
      await db.close();
    }
  });

  it('explains a file that is not JSON or not a catalogue, and writes nothing', async () => {
    const dataDir = makeTempDir('import-bad');
    const notJson = runImport(writeCatalogue('{"sessions": ['), dataDir);
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /is not valid JSON/);
    const notCatalogue = runImport(writeCatalogue({ sessions: 'many' }), dataDir);
    assert.equal(notCatalogue.code, 1);
    assert.match(notCatalogue.stderr, /sessions: /);
    assert.equal(runImport('/nonexistent/file.json', dataDir).code, 1);
    assert.ok(!fs.existsSync(path.join(dataDir, 'sessions.jsonl')) || fs.readFileSync(path.join(dataDir, 'sessions.jsonl'), 'utf8') === '');
  });

  it('goes through the running app that holds the store, which sees the change at once', async () => {
    const test = await startTestApp();
    try {
      const file = writeCatalogue({ sessions: [validSession('s-live', 'Séance ajoutée pendant que l’app tourne')] });
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/catalog.ts', 'import', file], { cwd: ROOT, env: { ...process.env, DATA_DIR: test.dataDir } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stdout);
      assert.match(stdout, /importing through it/);
      assert.ok(test.logs.find('catalogue imported'), 'the running app performed the import');
    } finally {
      await test.stop();
    }
    const db = openEmbeddedDatabase({ dataDir: test.dataDir });
    try {
      assert.equal((await db.collection<{ _id: string; title: string }>('sessions').findOne({ _id: 's-live' }))?.title, 'Séance ajoutée pendant que l’app tourne');
    } finally {
      await db.close();
    }
  });

  it('refuses a caller of the internal import route without the lock secret', async () => {
    const test = await startTestApp();
    try {
      const response = await fetch(`${test.url}/internal/catalog/import`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' }, body: JSON.stringify({ sessions: [validSession('s-x')] }) });
      assert.equal(response.status, 403);
    } finally {
      await test.stop();
    }
  });
});
