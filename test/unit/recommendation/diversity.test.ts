import assert from 'node:assert/strict';
import { diversify } from '../../../src/domain/recommendation/diversity';

describe('recommendation: diversity', () => {
  const item = (id: string, ...topics: string[]) => ({ id, topics });

  it('keeps at most two items per topic, in rank order', () => {
    const picked = diversify([item('a', 'sleep'), item('b', 'sleep'), item('c', 'sleep'), item('d', 'stress'), item('e', 'grief')], 5);
    assert.deepEqual(picked.map((p) => p.id), ['a', 'b', 'd', 'e']);
  });

  it('counts a course with two topics for both', () => {
    const picked = diversify([item('a', 'sleep', 'anxiety'), item('b', 'anxiety'), item('c', 'anxiety'), item('d', 'sleep')], 5);
    assert.deepEqual(picked.map((p) => p.id), ['a', 'b', 'd']);
  });

  it('stops at the limit', () => {
    assert.equal(diversify(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => item(id, id)), 5).length, 5);
  });
});
