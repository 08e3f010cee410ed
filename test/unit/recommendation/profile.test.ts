import assert from 'node:assert/strict';
import { takenCourses, topicAffinity, traceStrength } from '../../../src/domain/recommendation/profile';
import { HALF_LIFE_MS } from '../../../src/domain/recommendation/signals';
import { NOW, DAY, profile, trace } from './builders';

describe('recommendation: topic affinity from history', () => {
  it('weighs attending above booking above opening', () => {
    const [, attended] = trace('session', 's1', ['sleep'], { attended: 1, booked: 1 });
    const [, booked] = trace('session', 's2', ['sleep'], { booked: 1 });
    const [, viewed] = trace('course', 'c1', ['sleep'], { viewed: 1 });
    assert.ok(traceStrength(attended, NOW) > traceStrength(booked, NOW));
    assert.ok(traceStrength(booked, NOW) > traceStrength(viewed, NOW));
  });

  it('halves an item’s weight after one half-life', () => {
    const [, recent] = trace('course', 'c1', ['sleep'], { viewed: 2 }, 0);
    const [, old] = trace('course', 'c1', ['sleep'], { viewed: 2 }, HALF_LIFE_MS / DAY);
    assert.ok(Math.abs(traceStrength(old, NOW) - traceStrength(recent, NOW) / 2) < 1e-9);
  });

  it('counts an event dated after now (clock skew) as now, never more', () => {
    const [, future] = trace('course', 'c1', ['sleep'], { viewed: 1 }, -3);
    const [, today] = trace('course', 'c1', ['sleep'], { viewed: 1 }, 0);
    assert.equal(traceStrength(future, NOW), traceStrength(today, NOW));
  });

  it('lets a cancellation take most of a booking back, never below zero', () => {
    const [, kept] = trace('session', 's1', ['sleep'], { booked: 1 });
    const [, cancelled] = trace('session', 's1', ['sleep'], { booked: 1, cancelled: 1 });
    const [, twiceCancelled] = trace('session', 's1', ['sleep'], { booked: 1, cancelled: 2 });
    assert.ok(traceStrength(cancelled, NOW) > 0 && traceStrength(cancelled, NOW) < traceStrength(kept, NOW) / 2);
    assert.equal(traceStrength(twiceCancelled, NOW), 0);
  });

  it('gives diminishing returns to repeats', () => {
    const [, once] = trace('course', 'c1', ['sleep'], { viewed: 1 });
    const [, tenTimes] = trace('course', 'c1', ['sleep'], { viewed: 10 });
    assert.ok(traceStrength(tenTimes, NOW) < 5 * traceStrength(once, NOW));
  });

  it('lets a recent topic outweigh an older topic with more activity', () => {
    const affinity = topicAffinity(profile([
      trace('session', 'old1', ['nutrition'], { attended: 1 }, 200),
      trace('session', 'old2', ['nutrition'], { attended: 1 }, 190),
      trace('course', 'old3', ['nutrition'], { viewed: 3 }, 180),
      trace('session', 'new', ['sleep'], { attended: 1 }, 3),
    ]), NOW);
    assert.equal(affinity.weights.get('sleep'), 1);
    assert.ok(affinity.weights.get('nutrition')! < 0.3, String(affinity.weights.get('nutrition')));
  });

  it('names the item that contributed most to each topic', () => {
    const affinity = topicAffinity(profile([
      trace('course', 'c1', ['sleep'], { viewed: 1 }, 2),
      trace('session', 's1', ['sleep', 'anxiety'], { attended: 1 }, 2),
    ]), NOW);
    assert.equal(affinity.strongestItem.get('sleep'), 'session:s1');
    assert.equal(affinity.strongestItem.get('anxiety'), 'session:s1');
  });

  it('has no weight and no mass for an empty history', () => {
    const affinity = topicAffinity(profile([]), NOW);
    assert.equal(affinity.mass, 0);
    assert.equal(affinity.weights.size, 0);
  });

  it('treats an opened course as taken, and only courses', () => {
    const taken = takenCourses(profile([trace('course', 'c1', ['sleep'], { viewed: 1 }), trace('room', 'r1', ['sleep'], { visited: 1 }), trace('session', 's1', ['sleep'], { attended: 1 })]));
    assert.deepEqual([...taken], ['c1']);
  });
});
