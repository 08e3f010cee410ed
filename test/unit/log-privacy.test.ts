import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRootLogger } from '../../src/logger';
import { LogCapture } from '../helpers/log-capture';
import { findEmailAddresses } from '../helpers/log-scan';
import { makeTempDir } from '../helpers/temp-dir';

describe('logging', () => {
  it('redacts personal fields and masks e-mail addresses and tokens wherever they appear', async () => {
    const capture = new LogCapture();
    const log = createRootLogger({ level: 'info', destination: capture }).child({ component: 'test' });
    log.info({ user: { email: 'alex@contoso.com', displayName: 'Alex Wilber' }, text: 'my message', sessionId: 's-1' }, 'booked');
    log.warn({ sdk: { message: 'failed for alex@contoso.com with Bearer eyJhbGciOi.abc.def' } }, 'sdk output for blair@contoso.com');
    log.error({ err: new Error('E11000 duplicate key dup key: { email: "blair@contoso.com" }') }, 'insert failed');
    await new Promise((resolve) => setImmediate(resolve));
    const written = JSON.stringify(capture.lines);
    assert.doesNotMatch(written, /contoso\.com/);
    assert.doesNotMatch(written, /Alex Wilber|my message|eyJhbGciOi/);
    assert.match(written, /"sessionId":"s-1"/, 'ids stay, so logs remain useful');
    assert.match(written, /\[email\]/);
  });

  it('logs an HTTP client error without what it sent or received', async () => {
    const capture = new LogCapture();
    const log = createRootLogger({ level: 'info', destination: capture });
    const error = Object.assign(new Error('Request failed'), {
      statusCode: 500,
      body: '{"error":{"message":"no mailbox for alex@contoso.com"}}',
      request: { headers: { authorization: 'Bearer eyJhbGciOi.abc.def' } },
      details: { user: { mail: 'blair@contoso.com', displayName: 'Blair Ndiaye' } },
    });
    log.error({ err: error }, 'graph call failed');
    await new Promise((resolve) => setImmediate(resolve));
    const written = JSON.stringify(capture.lines);
    assert.doesNotMatch(written, /contoso\.com|eyJhbGciOi|Blair Ndiaye/);
    assert.match(written, /"statusCode":500/, 'the status stays, so the log is still useful');
  });

  it('finds e-mail addresses in a log file, so the end-of-run scan can fail', () => {
    const file = path.join(makeTempDir('scan'), 'sample.log');
    fs.writeFileSync(file, '{"msg":"ok"}\n{"msg":"oops alex@contoso.com"}\n');
    assert.deepEqual(findEmailAddresses(file), [{ line: 2, email: 'alex@contoso.com' }]);
  });
});
