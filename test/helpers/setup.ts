// Loaded before every test file (see .mocharc.json).
// Tests never reach the internet: everything external is a loopback fake started by the test itself.
// The scan of every app log line for e-mail addresses runs last: test/zz-final/test-run-log.test.ts.
import { UNREACHABLE_SERVICES } from './offline';

process.env.NODE_ENV = 'test';
// Processes the tests spawn with this environment (the app, the CLIs, the crash worker) get the same
// unreachable defaults that startTestApp and DeliveryRig apply in-process.
for (const [name, url] of Object.entries(UNREACHABLE_SERVICES)) process.env[name] ??= url;
