import { format } from 'node:util';
import type { Logger } from 'pino';

/**
 * teams-ai and botbuilder report problems through `console` (e.g. a missing botAppId). Routing those
 * calls through pino keeps one structured, redacted log; their text can quote activity content, so
 * it is logged under a namespaced key and only the level tells operators something happened.
 */
export function routeSdkConsoleToLogger(log: Logger): () => void {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const forward = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    log[level]({ sdk: { message: format(...args).slice(0, 2_000) } }, 'sdk output');
  };
  console.log = forward('info');
  console.info = forward('info');
  console.debug = forward('debug');
  console.warn = forward('warn');
  console.error = forward('error');
  return () => Object.assign(console, original);
}
