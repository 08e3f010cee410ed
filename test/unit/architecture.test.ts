import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

/** The dependency rule of DESIGN.md §1 is a lint check; these prove it fails where it must. */
describe('dependency rule', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

  async function violations(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', filePath) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }

  it('keeps domain free of our other folders, packages and the clock', async () => {
    const found = await violations('src/domain/example.ts', "import { x } from '../store/collection';\nimport { z } from 'zod';\nexport const y = [x, z, Date.now()];\n");
    assert.equal(found.length, 3, found.join('\n'));
  });

  it('keeps the Teams SDK inside src/bot', async () => {
    assert.equal((await violations('src/services/example.ts', "import { Application } from '@microsoft/teams-ai';\nexport const a = Application;\n")).length, 1);
    assert.equal((await violations('src/bot/example.ts', "import { Application } from '@microsoft/teams-ai';\nexport const a = Application;\n")).length, 0);
  });

  it('keeps the bot away from the store and integrations', async () => {
    assert.equal((await violations('src/bot/routes/example.ts', "import { createStore } from '../../store/open-store';\nexport const a = createStore;\n")).length, 1);
  });

  it('keeps MongoDB inside src/store', async () => {
    assert.equal((await violations('src/services/example.ts', "import { MongoClient } from 'mongodb';\nexport const a = MongoClient;\n")).length, 1);
    assert.equal((await violations('src/store/example.ts', "import { MongoClient } from 'mongodb';\nexport const a = MongoClient;\n")).length, 0);
  });

  it('reads process.env only in src/config.ts', async () => {
    assert.equal((await violations('src/services/example.ts', 'export const a = process.env.X;\n')).length, 1);
    assert.equal((await violations('src/config.ts', 'export const a = process.env.X;\n')).length, 0);
  });
});
