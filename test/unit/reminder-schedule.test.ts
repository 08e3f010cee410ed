import assert from 'node:assert/strict';
import { decideRetry, DeliveryError } from '../../src/domain/delivery';
import { effectiveOffsets, planReminders, STARTING_SOON_OFFSET_MS } from '../../src/domain/reminder-schedule';

const H = 3_600_000;
const M = 60_000;
const start = new Date('2026-12-03T12:00:00Z');
const before = (ms: number) => new Date(start.getTime() - ms);

describe('reminder schedule', () => {
  it('plans one reminder per offset, due that long before the start', () => {
    assert.deepEqual(planReminders(start, before(48 * H), [24 * H, 15 * M]), [
      { offsetMs: 24 * H, dueAt: before(24 * H) },
      { offsetMs: 15 * M, dueAt: before(15 * M) },
    ]);
  });

  it('skips offsets already past at booking time', () => {
    assert.deepEqual(planReminders(start, before(2 * H), [24 * H, 15 * M]), [{ offsetMs: 15 * M, dueAt: before(15 * M) }]);
  });

  it('gives one "starting soon" reminder, due now, to a booking made inside the last offset', () => {
    const now = before(5 * M);
    assert.deepEqual(planReminders(start, now, [24 * H, 15 * M]), [{ offsetMs: STARTING_SOON_OFFSET_MS, dueAt: now }]);
  });

  it('treats a booking made exactly at the last offset as inside it', () => {
    assert.deepEqual(planReminders(start, before(15 * M), [15 * M]).map((r) => r.offsetMs), [STARTING_SOON_OFFSET_MS]);
  });

  it('plans nothing once the session has started', () => {
    assert.deepEqual(planReminders(start, start, [24 * H, 15 * M]), []);
    assert.deepEqual(planReminders(start, new Date(start.getTime() + M), [15 * M]), []);
  });

  it('plans nothing, not even "starting soon", for someone who chose no reminders', () => {
    assert.deepEqual(planReminders(start, before(5 * M), []), []);
  });

  it('ignores duplicate, zero and negative offsets and orders the rest longest first', () => {
    assert.deepEqual(planReminders(start, before(48 * H), [15 * M, 0, -5, 24 * H, 15 * M]).map((r) => r.offsetMs), [24 * H, 15 * M]);
  });

  it("recomputes from the new start when a session moves", () => {
    const moved = new Date(start.getTime() + 24 * H);
    assert.deepEqual(planReminders(moved, before(2 * H), [24 * H, 15 * M]).map((r) => r.dueAt), [before(0), new Date(moved.getTime() - 15 * M)]);
  });

  it("uses the person's own offsets, an empty choice included, before the default", () => {
    assert.deepEqual(effectiveOffsets(undefined, [24 * H]), [24 * H]);
    assert.deepEqual(effectiveOffsets([H], [24 * H]), [H]);
    assert.deepEqual(effectiveOffsets([], [24 * H]), []);
  });
});

describe('retry policy', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

  it('backs off exponentially with jitter, within the cap', () => {
    const delays = [1, 2, 3].map((attempt) => decideRetry(new DeliveryError('TRANSIENT', 'bot-connector 503'), attempt, policy, 0.999));
    assert.deepEqual(delays.map((d) => (d.action === 'retry' ? d.delayMs : -1)), [999, 1_998, 3_996]);
    const low = decideRetry(new DeliveryError('TRANSIENT', 'x'), 3, policy, 0);
    assert.equal(low.action === 'retry' && low.delayMs, 500, 'never retries at once: at least half the base');
  });

  it('dead-letters after the last attempt, with the reason', () => {
    const decision = decideRetry(new DeliveryError('TRANSIENT', 'bot-connector 503'), 4, policy, 0.5);
    assert.deepEqual(decision, { action: 'dead', reason: 'gave up after 4 attempts: TRANSIENT: bot-connector 503' });
  });

  it('dead-letters a blocked person or a rejected request at once', () => {
    assert.equal(decideRetry(new DeliveryError('BLOCKED', 'blocked'), 1, policy, 0.5).action, 'dead');
    assert.equal(decideRetry(new DeliveryError('REJECTED', 'bot-connector 400'), 1, policy, 0.5).action, 'dead');
  });

  it('waits what Retry-After says on throttling, without using up an attempt, even past the last one', () => {
    const decision = decideRetry(new DeliveryError('THROTTLED', 'bot-connector 429', 3_000), 4, policy, 0);
    assert.deepEqual(decision, { action: 'retry', delayMs: 3_000, countsAsAttempt: false });
  });
});
