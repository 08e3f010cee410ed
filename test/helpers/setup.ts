// Loaded before every test file (see .mocharc.json).
// Tests never reach the internet: everything external is a loopback fake started by the test itself.
process.env.NODE_ENV = 'test';
