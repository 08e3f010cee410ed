import assert from 'node:assert/strict';
import { describeOffset } from '../../src/cards/notice-card';

describe('how long before a session, in words', () => {
  const cases: [number, string, string][] = [
    [86_400_000, '1 day', '1 jour'],
    [2 * 86_400_000, '2 days', '2 jours'],
    [23 * 3_600_000, '23 hours', '23 heures'],
    [3_600_000, '1 hour', '1 heure'],
    [2 * 3_600_000 + 10 * 60_000, '2 hours', '2 heures'],
    [15 * 60_000, '15 minutes', '15 minutes'],
    [20_000, '1 minute', '1 minute'],
  ];
  for (const [ms, en, fr] of cases) {
    it(`says ${en} for ${ms} ms`, () => {
      assert.equal(describeOffset(ms, 'en'), en);
      assert.equal(describeOffset(ms, 'fr'), fr);
    });
  }
});
