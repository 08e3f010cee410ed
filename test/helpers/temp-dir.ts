import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../.test-data');
let counter = 0;

/** A fresh folder under .test-data/ (wiped at the start of each `npm test`). */
export function makeTempDir(label: string): string {
  counter += 1;
  const dir = path.join(ROOT, `${label}-${process.pid}-${counter}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every line any app started by a test logged, for the privacy scan at the end of the run. */
export const TEST_RUN_LOG = path.join(ROOT, 'test-run.log');
