// Mocha's spec output, then one line CI reads: "N passed, N failed" (and what was skipped, with why).
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on(EVENT_TEST_PASS, () => (passed += 1));
    runner.on(EVENT_TEST_FAIL, () => (failed += 1));
    runner.on(EVENT_TEST_PENDING, () => (skipped += 1));
    runner.once(EVENT_RUN_END, () => {
      const skippedNote = skipped > 0 ? ` (${skipped} skipped: see the notes above)` : '';
      process.stdout.write(`\n${passed} passed, ${failed} failed${skippedNote}\n`);
    });
  }
}

module.exports = SummaryReporter;
