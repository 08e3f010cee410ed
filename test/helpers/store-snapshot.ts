import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

/** Every collection file of an embedded store, as text: to prove a request wrote nothing. */
export function snapshotStore(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dataDir).filter((file) => file.endsWith('.jsonl')).sort().map((file) => [file, fs.readFileSync(path.join(dataDir, file), 'utf8')]),
  );
}

export function assertStoreUnchanged(dataDir: string, before: Record<string, string>, message?: string): void {
  const after = snapshotStore(dataDir);
  const changed = Object.keys({ ...before, ...after }).filter((file) => before[file] !== after[file]);
  assert.deepEqual(changed, [], message ?? `these collections were written: ${changed.join(', ')}`);
}
