import { readBoolean, type Read } from './config-read';
import { parseDuration } from './domain/duration';

/** Proactive delivery settings (issue #6), part of Config; each field names its variable and default. */
export interface DeliveryConfig {
  /** `SCHEDULER_ENABLED`: run the delivery loop in this process. Default true. */
  readonly schedulerEnabled: boolean;
  /** `DELIVERY_LEASE`: how long a claimed item belongs to one instance. Default `60s`. */
  readonly leaseMs: number;
  /** `SCHEDULER_POLL`: how often an idle scheduler looks for due items. Default `1s`. */
  readonly pollMs: number;
  /** `SCHEDULER_CONCURRENCY`: deliveries in flight per instance. Default 64. */
  readonly concurrency: number;
  /** `DELIVERY_MAX_ATTEMPTS`: failed attempts (throttling not counted) before an item is dead-lettered. Default 8. */
  readonly maxAttempts: number;
  /** `DELIVERY_RETRY_BASE`, `DELIVERY_RETRY_MAX`: exponential backoff with full jitter. Defaults `2s`, `15m`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** `SEND_TIMEOUT`: a Bot Connector call not answered by then is retried later. Default `30s`. */
  readonly sendTimeoutMs: number;
  /**
   * `SCHEDULER_INSTANCES`: how many instances run the scheduler against one store. Each takes an equal
   * share of the per-tenant budgets below (a configured share, not a budget counted in the store).
   * Default 1.
   */
  readonly instances: number;
  /** `RATE_TENANT_RPS`: Bot Connector calls per second per tenant, all instances together. Default 50 (facts §3.2). */
  readonly tenantRps: number;
  /** `RATE_FEED_RPS`: activity-feed notifications per second per tenant. Default 5 (facts §4.5). */
  readonly feedRps: number;
  /** `RATE_CONVERSATION`: per-conversation windows. Default `7/1s,8/2s,60/30s,1800/1h` (facts §3.2). */
  readonly conversationWindows: readonly { readonly points: number; readonly windowMs: number }[];
}


export function readDeliveryConfig(read: Read, problems: string[]): DeliveryConfig {
  const duration = (name: string, fallback: string, min: number) => {
    const value = read(name) ?? fallback;
    const ms = parseDuration(value);
    if (ms === undefined || ms < min) problems.push(`${name} must be a duration of at least ${min} ms such as "${fallback}" (got "${value}")`);
    return ms ?? 0;
  };
  const count = (name: string, fallback: number, min: number) => {
    const value = read(name);
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n < min) problems.push(`${name} must be a number of at least ${min} (got "${value}")`);
    return n;
  };
  return {
    schedulerEnabled: readBoolean('SCHEDULER_ENABLED', read, problems, true),
    leaseMs: duration('DELIVERY_LEASE', '60s', 1_000),
    pollMs: duration('SCHEDULER_POLL', '1s', 10),
    concurrency: Math.floor(count('SCHEDULER_CONCURRENCY', 64, 1)),
    maxAttempts: Math.floor(count('DELIVERY_MAX_ATTEMPTS', 8, 1)),
    retryBaseMs: duration('DELIVERY_RETRY_BASE', '2s', 1),
    retryMaxMs: duration('DELIVERY_RETRY_MAX', '15m', 1),
    sendTimeoutMs: duration('SEND_TIMEOUT', '30s', 100),
    instances: Math.floor(count('SCHEDULER_INSTANCES', 1, 1)),
    tenantRps: count('RATE_TENANT_RPS', 50, 0.1),
    feedRps: count('RATE_FEED_RPS', 5, 0.1),
    conversationWindows: readWindows(read('RATE_CONVERSATION') ?? '7/1s,8/2s,60/30s,1800/1h', problems),
  };
}

function readWindows(value: string, problems: string[]): { points: number; windowMs: number }[] {
  const windows = value.split(',').map((part) => {
    const [points, window] = part.trim().split('/');
    return { points: Number(points), windowMs: parseDuration(window ?? '') ?? NaN };
  });
  if (windows.some((w) => !Number.isInteger(w.points) || w.points < 1 || !(w.windowMs > 0))) {
    problems.push(`RATE_CONVERSATION must list calls/window pairs such as "7/1s,8/2s,60/30s,1800/1h" (got "${value}")`);
    return [];
  }
  return windows;
}
