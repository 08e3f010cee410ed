import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every variable the app reads is documented where a newcomer looks: .env.example and the README. */
describe('documented configuration', () => {
  const variables = [...new Set(['src/config.ts', 'src/config-delivery.ts'].flatMap((file) => [...read(file).matchAll(/'([A-Z][A-Z_]{2,})'/g)].map((match) => match[1]!)))]
    .filter((name) => name !== 'NODE_ENV');

  it('finds the variables src/config.ts reads (the check below can fail)', () => {
    assert.ok(variables.length >= 25, variables.join(', '));
    assert.ok(variables.includes('BOT_ID') && variables.includes('RATE_CONVERSATION'));
  });

  for (const file of ['.env.example', 'README.md']) {
    it(`lists every variable in ${file}`, () => {
      const text = read(file);
      assert.deepEqual(variables.filter((name) => !text.includes(name)), []);
    });
  }
});
