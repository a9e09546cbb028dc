import { describe, expect, it } from 'vitest';
import {
  discountedGain,
  meanScores,
  ndcg,
  recall,
  reciprocalRank,
  scoreRanking,
} from './search-eval.metrics.ts';

// Values below are worked out by hand; log2(2) = 1, log2(3) ≈ 1.58496, log2(4) = 2, log2(5) ≈ 2.32193.
const grades = { a: 2, b: 1, c: 1 };

describe('reciprocal rank', () => {
  it('is one over the rank of the first document of any positive grade', () => {
    expect(reciprocalRank(['a', 'x'], grades)).toBe(1);
    expect(reciprocalRank(['x', 'y', 'b'], grades)).toBeCloseTo(1 / 3, 10);
  });

  it('is zero when no relevant document is within the cut-off', () => {
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(reciprocalRank(ranked, grades)).toBe(0);
    expect(reciprocalRank(['x', 'a'], grades, 1)).toBe(0);
    expect(reciprocalRank([], grades)).toBe(0);
  });

  it('ignores documents judged 0', () => {
    expect(reciprocalRank(['z', 'b'], { ...grades, z: 0 })).toBe(0.5);
  });
});

describe('discounted gain', () => {
  it('sums 2^grade − 1 over log2(rank + 1)', () => {
    // 3/1 + 1/log2(3) + 0 + 1/log2(5)
    expect(discountedGain([2, 1, 0, 1])).toBeCloseTo(3 + 1 / 1.5849625 + 1 / 2.3219281, 6);
    expect(discountedGain([])).toBe(0);
  });
});

describe('nDCG', () => {
  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcg(['a', 'b', 'c'], grades)).toBeCloseTo(1, 10);
    expect(ndcg(['a', 'c', 'b'], grades)).toBeCloseTo(1, 10);
    // ranked b, a, c: (1 + 3/log2(3) + 1/2) / (3 + 1/log2(3) + 1/2) = 3.39279 / 4.13093
    expect(ndcg(['b', 'a', 'c'], grades)).toBeCloseTo(0.821318, 5);
  });

  it('counts unjudged documents as not relevant and cuts at k', () => {
    // x, a: 3/log2(3) over the ideal 4.13093
    expect(ndcg(['x', 'a'], grades)).toBeCloseTo(1.8927893 / 4.1309298, 6);
    expect(ndcg(['x', 'a'], grades, 1)).toBe(0);
  });

  it('compares with the best ten when more than ten documents are relevant', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i}`, 1]));
    expect(ndcg(Object.keys(many), many)).toBeCloseTo(1, 10);
  });

  it('counts a document listed twice once', () => {
    expect(ndcg(['a', 'a', 'b', 'c'], grades)).toBeCloseTo(1, 10);
  });

  it('is zero when nothing is judged relevant', () => {
    expect(ndcg(['a'], {})).toBe(0);
  });
});

describe('recall', () => {
  it('is the share of relevant documents in the first k, out of at most k', () => {
    expect(recall(['a', 'x', 'c'], grades)).toBeCloseTo(2 / 3, 10);
    expect(recall(['a', 'x', 'c'], grades, 2)).toBe(0.5);
    const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`d${i}`, 2]));
    expect(recall(Object.keys(many).slice(0, 10), many)).toBe(1);
    expect(recall(Object.keys(many).slice(0, 5), many)).toBe(0.5);
  });
});

describe('mean scores', () => {
  it('averages each metric over the queries', () => {
    const scores = [scoreRanking(['a'], grades), scoreRanking(['x', 'b'], grades)];
    const mean = meanScores(scores);
    expect(mean.reciprocalRank).toBeCloseTo((1 + 0.5) / 2, 10);
    expect(mean.recall).toBeCloseTo((1 / 3 + 1 / 3) / 2, 10);
    expect(mean.ndcg).toBeCloseTo((3 / 4.1309298 + 0.6309298 / 4.1309298) / 2, 6);
    expect(meanScores([])).toEqual({ reciprocalRank: 0, ndcg: 0, recall: 0 });
  });
});
