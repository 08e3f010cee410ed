// `npm test`: the whole suite through mocha; the summary reporter prints the final "N passed, N failed".
// Extra arguments go to mocha, e.g. `npm test -- --grep booking` or `npm test -- test/unit`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
rmSync(path.join(root, '.test-data'), { recursive: true, force: true });
const args = process.argv.slice(2);
const namesFiles = args.some((arg) => !arg.startsWith('-'));
const spec = namesFiles ? [] : ['test/**/*.test.ts'];
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/mocha/bin/mocha.js'), ...spec, ...args], {
  cwd: root,
  stdio: 'inherit',
  // The loopback token endpoint speaks https with a test CA (MSAL refuses http authorities); Node
  // reads extra CAs only at start, so the mocha process gets it here.
  env: { ...process.env, NODE_ENV: 'test', NODE_EXTRA_CA_CERTS: path.join(root, 'test/fixtures/tls/ca.pem') },
});
process.exit(result.status ?? 1);
