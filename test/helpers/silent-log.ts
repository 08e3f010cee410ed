import type { Log } from '../../src/domain/ports';

/** A logger for unit tests that asserts nothing about logs. */
export const silentLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
};
