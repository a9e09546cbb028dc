import { describe, expect, it } from 'vitest';
import { editDistance, matchCase, maxEditsFor, replaceWord } from './search.spelling.ts';

describe('spelling corrections', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('reishauer', 'reischauer', 2)).toBe(1);
    expect(editDistance('mesyastev', 'mesyatsev', 2)).toBe(1);
    expect(editDistance('khrushchev', 'khruschev', 2)).toBe(1);
    expect(editDistance('месяцов', 'месяцев', 2)).toBe(1);
    expect(editDistance('霍尔果斯', '霍尔果', 2)).toBe(1);
    expect(editDistance('same', 'same', 2)).toBe(0);
  });

  it('stops counting once the distance is beyond what is allowed', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('short', 'a much longer word', 2)).toBe(3);
  });

  it('allows no edit below four letters, one up to five and two from six', () => {
    expect([3, 4, 5, 6, 12].map(maxEditsFor)).toEqual([0, 1, 1, 2, 2]);
  });

  it('writes the correction the way the reader wrote the word', () => {
    expect(matchCase('Reishauer', 'reischauer')).toBe('Reischauer');
    expect(matchCase('MESYASTEV', 'mesyatsev')).toBe('MESYATSEV');
    expect(matchCase('mesyastev', 'mesyatsev')).toBe('mesyatsev');
    expect(matchCase('Месяцов', 'месяцев')).toBe('Месяцев');
  });

  it('replaces the whole word only, keeping the rest of the query', () => {
    expect(replaceWord('person:Reishauer "cold war" -cuba', 'Reishauer', 'Reischauer')).toBe(
      'person:Reischauer "cold war" -cuba',
    );
    expect(replaceWord('Reishauers Reishauer', 'Reishauer', 'Reischauer')).toBe('Reishauers Reischauer');
    expect(replaceWord('a.b (c)', '(c)', 'd')).toBe('a.b d');
  });
});
