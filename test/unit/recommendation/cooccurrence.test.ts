import assert from 'node:assert/strict';
import { cooccurrenceScores, MAX_SOURCES } from '../../../src/domain/recommendation/tenant-signals';
import { tenant } from './builders';

describe('recommendation: co-occurrence within a tenant', () => {
  const source = [{ key: 'session:s1', strength: 1 }];

  it('scores what colleagues who engaged with the same item also took, by cosine similarity', () => {
    const signals = tenant('t1', { 'session:s1': 20, 'course:a': 20, 'course:b': 80 }, [['session:s1', 'course:a', 10], ['session:s1', 'course:b', 10]]);
    const scores = cooccurrenceScores(source, signals);
    assert.ok(Math.abs(scores.get('course:a')!.score - 10 / 20) < 1e-9);
    assert.ok(Math.abs(scores.get('course:b')!.score - 10 / 40) < 1e-9);
    assert.equal(scores.get('course:a')!.source, 'session:s1');
  });

  it('ignores a pair seen together by fewer than 5 distinct people', () => {
    const four = tenant('t1', { 'session:s1': 20, 'course:a': 20 }, [['session:s1', 'course:a', 4]]);
    const five = tenant('t1', { 'session:s1': 20, 'course:a': 20 }, [['session:s1', 'course:a', 5]]);
    assert.equal(cooccurrenceScores(source, four).size, 0);
    assert.equal(cooccurrenceScores(source, five).size, 1);
  });

  it('ignores source and target items seen by fewer than 5 distinct people', () => {
    const rareSource = tenant('t1', { 'session:s1': 4, 'course:a': 20 }, [['session:s1', 'course:a', 5]]);
    const rareTarget = tenant('t1', { 'session:s1': 20, 'course:a': 4 }, [['session:s1', 'course:a', 5]]);
    assert.equal(cooccurrenceScores(source, rareSource).size, 0);
    assert.equal(cooccurrenceScores(source, rareTarget).size, 0);
  });

  it('credits the source item that contributed most', () => {
    const signals = tenant('t1', { 'session:s1': 10, 'course:x': 10, 'course:a': 10 }, [['session:s1', 'course:a', 5], ['course:x', 'course:a', 9]]);
    const scores = cooccurrenceScores([{ key: 'session:s1', strength: 1 }, { key: 'course:x', strength: 1 }], signals);
    assert.equal(scores.get('course:a')!.source, 'course:x');
  });

  it('uses only the strongest items of a long history', () => {
    const sources = Array.from({ length: MAX_SOURCES + 1 }, (_, i) => ({ key: `course:s${i}`, strength: i === 0 ? 0.001 : 1 }));
    const signals = tenant('t1', { 'course:s0': 10, 'course:a': 10 }, [['course:s0', 'course:a', 10]]);
    assert.equal(cooccurrenceScores(sources, signals).size, 0, 'the weakest source was dropped');
  });
});
