import assert from 'node:assert/strict';
import { UsageAggregator } from '../../../src/domain/recommendation/aggregator';
import type { UsageKind } from '../../../src/domain/usage';
import { daysAgo } from './builders';

describe('recommendation: aggregation rules', () => {
  const record = (userId: string, kind: UsageKind, itemId: string, days = 1, tenantId = 't1') => ({
    userId, tenantId, kind, itemType: kind.startsWith('session') ? 'session' as const : kind.startsWith('room') ? 'room' as const : 'course' as const, itemId, at: daysAgo(days),
  });

  it('counts each person once per item and once per pair, whatever they repeat', () => {
    const agg = new UsageAggregator();
    for (let i = 0; i < 3; i += 1) agg.add(record('u1', 'course.viewed', 'a', 5 - i), ['sleep']);
    agg.add(record('u1', 'course.viewed', 'b'), ['sleep']);
    agg.add(record('u1', 'course.viewed', 'a'), ['sleep']);
    agg.add(record('u2', 'course.viewed', 'b'), ['sleep']);
    agg.add(record('u2', 'course.viewed', 'a'), ['sleep']);
    const signals = agg.signals('t1');
    assert.equal(signals.popularity.get('course:a'), 2);
    assert.equal(signals.cooccurrence.get('course:a')!.get('course:b'), 2);
    assert.equal(signals.cooccurrence.get('course:b')!.get('course:a'), 2);
    const trace = agg.profile({ userId: 'u1', tenantId: 't1' }).items['course:a']!;
    assert.equal(trace.signals.viewed, 4);
    assert.deepEqual([trace.first, trace.last], [daysAgo(5), daysAgo(1)]);
  });

  it('keeps tenants apart', () => {
    const agg = new UsageAggregator();
    agg.add(record('u1', 'course.viewed', 'a', 1, 't1'), ['sleep']);
    agg.add(record('u2', 'course.viewed', 'a', 1, 't2'), ['sleep']);
    agg.add(record('u2', 'course.viewed', 'b', 1, 't2'), ['sleep']);
    assert.equal(agg.signals('t1').popularity.get('course:a'), 1);
    assert.equal(agg.signals('t1').cooccurrence.size, 0);
  });

  it('lets a cancellation amend a booking but never create a trace; shown and opened say nothing', () => {
    const agg = new UsageAggregator();
    agg.add(record('u1', 'session.cancelled', 's0'), ['sleep']);
    agg.add(record('u1', 'session.booked', 's1'), ['sleep']);
    agg.add(record('u1', 'session.cancelled', 's1'), ['sleep']);
    agg.add(record('u1', 'recommendation.shown', 'c1'), ['sleep']);
    agg.add(record('u1', 'recommendation.opened', 'c1'), ['sleep']);
    const items = agg.profile({ userId: 'u1', tenantId: 't1' }).items;
    assert.deepEqual(Object.keys(items), ['session:s1']);
    assert.deepEqual(items['session:s1']!.signals, { booked: 1, cancelled: 1 });
    assert.equal(agg.signals('t1').popularity.size, 1);
  });
});
