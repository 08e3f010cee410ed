import assert from 'node:assert/strict';
import { digestWeekDue, isoWeek } from '../../../src/domain/recommendation/digest';

describe('recommendation: weekly digest calendar', () => {
  it('names ISO weeks, including those that straddle a new year', () => {
    assert.equal(isoWeek(new Date('2026-12-01T09:00:00Z')), '2026-W49');
    assert.equal(isoWeek(new Date('2021-01-03T12:00:00Z')), '2020-W53');
    assert.equal(isoWeek(new Date('2024-12-30T12:00:00Z')), '2025-W01');
  });

  it('opens the window on Monday at 08:00 UTC for 24 hours', () => {
    assert.equal(digestWeekDue(new Date('2026-11-30T07:59:59Z')), undefined);
    assert.deepEqual(digestWeekDue(new Date('2026-11-30T08:00:00Z'))?.week, '2026-W49');
    assert.deepEqual(digestWeekDue(new Date('2026-12-01T07:59:59Z'))?.week, '2026-W49');
    assert.equal(digestWeekDue(new Date('2026-12-01T08:00:00Z')), undefined);
    assert.equal(digestWeekDue(new Date('2026-12-06T10:00:00Z')), undefined);
  });
});
