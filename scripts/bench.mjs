// `npm run bench`: every bench/*.ts in turn with tsx; each prints its own figures. `npm run bench -- fanout` runs one.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];
const benches = readdirSync(path.join(root, 'bench')).filter((file) => file.endsWith('.ts') && (!only || file === `${only}.ts`)).sort();
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n== bench/${file}\n`);
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'bench', file)], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
