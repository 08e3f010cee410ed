// Loaded before every test file (see .mocharc.json).
// Tests never reach the internet: everything external is a loopback fake started by the test itself.
// The scan of every app log line for e-mail addresses runs last: test/zz-final/test-run-log.test.ts.
process.env.NODE_ENV = 'test';
