// `npm run bench`: runs every benchmark in bench/ (or the ones named: `npm run bench -- store`),
// each printing its own figures. Benchmarks never fail on speed; they report.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .filter((file) => wanted.length === 0 || wanted.includes(path.basename(file, '.ts')));
let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('bench', file)], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'bench', LOG_LEVEL: 'warn' } });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
