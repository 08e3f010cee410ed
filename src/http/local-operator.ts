import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A command on this machine holding the lock file's secret: the same check for every `/internal/*`
 * route through which operator commands reach the app that owns the embedded store.
 */
export function isLocalOperator(req: Request, secret: string): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && secretMatches(req.get('authorization'), secret);
}

function secretMatches(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
