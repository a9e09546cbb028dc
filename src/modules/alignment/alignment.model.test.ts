import { describe, expect, it } from 'vitest';
import {
  alignmentProblems,
  alignmentRows,
  formatParagraphRun,
  parseParagraphRun,
} from './alignment.model.ts';

describe('alignment rows', () => {
  it('pairs paragraphs in order when nothing is stored', () => {
    expect(alignmentRows(undefined, { original: 2, translation: 2 })).toEqual([
      { original: [1], translation: [1] },
      { original: [2], translation: [2] },
    ]);
  });

  it('gives the extra paragraphs of the longer text rows of their own when the counts differ', () => {
    expect(alignmentRows([], { original: 1, translation: 3 })).toEqual([
      { original: [1], translation: [1] },
      { original: [], translation: [2] },
      { original: [], translation: [3] },
    ]);
    expect(alignmentRows(undefined, { original: 2, translation: 0 })).toEqual([
      { original: [1], translation: [] },
      { original: [2], translation: [] },
    ]);
  });

  it('keeps stored pairs and pairs in order the paragraphs no pair names', () => {
    const rows = alignmentRows(
      [
        { original: [2, 3], translation: [2] },
        { original: [], translation: [3] },
      ],
      { original: 5, translation: 5 },
    );
    expect(rows).toEqual([
      { original: [1], translation: [1] },
      { original: [2, 3], translation: [2] },
      { original: [], translation: [3] },
      { original: [4], translation: [4] },
      { original: [5], translation: [5] },
    ]);
  });

  it('cuts pairs to the paragraphs a revised text still has, losing none', () => {
    const rows = alignmentRows(
      [
        { original: [1], translation: [1, 2] },
        { original: [2, 3], translation: [3] },
      ],
      { original: 2, translation: 2 },
    );
    expect(rows).toEqual([
      { original: [1], translation: [1, 2] },
      { original: [2], translation: [] },
    ]);
    expect(rows.flatMap((r) => r.original)).toEqual([1, 2]);
  });
});

describe('alignment problems', () => {
  it('accepts pairs in order with consecutive runs', () => {
    expect(
      alignmentProblems([
        { original: [1, 2], translation: [1] },
        { original: [3], translation: [] },
      ]),
    ).toEqual([]);
  });

  it('names the pair with a gap in its run, an empty pair, a reused paragraph and a missing one', () => {
    const problems = alignmentProblems(
      [
        { original: [1, 3], translation: [1] },
        { original: [], translation: [] },
        { original: [2], translation: [1] },
        { original: [4], translation: [9] },
      ],
      { original: 4, translation: 3 },
    );
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(problems[0]!.message).toMatch(/consecutive/);
    expect(problems[1]!.message).toMatch(/at least one side/);
    expect(problems[2]!.message).toMatch(/translation paragraph 1 comes after paragraph 1/);
    expect(problems[3]!.message).toBe('the translation has 3 paragraphs; there is no paragraph 9');
  });
});

describe('paragraph runs as editors type them', () => {
  it('reads numbers, spans, lists and empty sides', () => {
    expect(parseParagraphRun(' 4 ')).toEqual([4]);
    expect(parseParagraphRun('2-4')).toEqual([2, 3, 4]);
    expect(parseParagraphRun('2 – 3')).toEqual([2, 3]);
    expect(parseParagraphRun('5, 6')).toEqual([5, 6]);
    expect(parseParagraphRun('')).toEqual([]);
    expect(parseParagraphRun('—')).toEqual([]);
  });

  it('refuses what it cannot read', () => {
    for (const text of ['a', '3-1', '1-', '1.5', '-2', '1-99999', '<p>'])
      expect(parseParagraphRun(text)).toBe(undefined);
  });

  it('writes runs back in the same form', () => {
    expect(formatParagraphRun([2, 3, 4])).toBe('2–4');
    expect(formatParagraphRun([7])).toBe('7');
    expect(formatParagraphRun([])).toBe('');
    expect(parseParagraphRun(formatParagraphRun([2, 3]))).toEqual([2, 3]);
  });
});
