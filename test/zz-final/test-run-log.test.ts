import assert from 'node:assert/strict';
import { findEmailAddresses } from '../helpers/log-scan';
import { TEST_RUN_LOG } from '../helpers/temp-dir';

/**
 * Runs last (its folder sorts after every other): every app a test started appended its log to
 * .test-data/test-run.log; not one e-mail address may be in it, whatever the tests did.
 */
describe('the whole test run', () => {
  it('logged no e-mail address, in any app any test started', () => {
    const found = findEmailAddresses(TEST_RUN_LOG);
    assert.deepEqual(found.slice(0, 10), [], `${found.length} e-mail address(es) in ${TEST_RUN_LOG}`);
  });
});
