import assert from 'node:assert/strict';
import { routeSdkConsoleToLogger } from '../../src/bot/sdk-console';
import { createRootLogger } from '../../src/logger';
import { LogCapture } from '../helpers/log-capture';

describe('SDK console output', () => {
  it('goes through the structured logger, masked, and console is restored afterwards', async () => {
    const capture = new LogCapture();
    const original = console.warn;
    const restore = routeSdkConsoleToLogger(createRootLogger({ level: 'info', destination: capture }).child({ component: 'sdk' }));
    try {
      console.warn('[teams-ai] botAppId not set for', 'alex@contoso.com');
      console.error(new Error('connector said 500'));
    } finally {
      restore();
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(console.warn, original);
    const [warning, error] = capture.lines;
    assert.deepEqual([warning!.level, warning!.component, warning!.msg], [40, 'sdk', 'sdk output']);
    assert.match(JSON.stringify(warning!.sdk), /botAppId not set for \[email\]/);
    assert.equal(error!.level, 50);
    assert.match(JSON.stringify(error!.sdk), /connector said 500/);
  });
});
