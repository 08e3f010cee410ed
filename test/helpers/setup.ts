// Loaded before every test file (see .mocharc.json).
// Tests never reach the internet: everything external is a loopback fake started by the test itself.
import { findEmailAddresses } from './log-scan';
import { TEST_RUN_LOG } from './temp-dir';

process.env.NODE_ENV = 'test';

/**
 * After the whole run, every line any app logged during the tests (see LogCapture) is scanned for
 * e-mail addresses: the compliance statement promises none in logs, whatever the test did.
 */
export const mochaHooks = {
  afterAll(): void {
    const found = findEmailAddresses(TEST_RUN_LOG);
    if (found.length > 0) {
      throw new Error(`The app logged ${found.length} e-mail address(es) during the test run, e.g. line ${found[0]!.line} of ${TEST_RUN_LOG}`);
    }
  },
};
