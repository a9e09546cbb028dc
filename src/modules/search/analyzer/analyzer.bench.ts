import { bench, describe } from 'vitest';
import { analyzeForIndex } from './analyzer.ts';
import { analyzeQuery } from './query.ts';

/**
 * `npx vitest bench src/modules/search/analyzer`. Texts of about 2 kB, the size of a transcript
 * page; the figures quoted in analyzer.ts come from here.
 */
const english =
  'The Soviet delegation, led by Khrushchev, continued negotiations on the border question. '.repeat(23);
const russian =
  'Советская делегация во главе с Хрущёвым продолжила переговоры по пограничному вопросу. '.repeat(13);
const chinese = '一九六二年霍尔果斯口岸中苏边界谈判记录，周恩来总理会见苏联代表团。'.repeat(22);

describe('analyzeForIndex, 2 kB texts', () => {
  bench('English', () => {
    analyzeForIndex(english, 'en');
  });
  bench('Russian', () => {
    analyzeForIndex(russian, 'ru');
  });
  bench('Chinese', () => {
    analyzeForIndex(chinese, 'zh');
  });
});

describe('analyzeQuery', () => {
  bench('a mixed three-word query', () => {
    analyzeQuery('Хрущёв negotiations 霍尔果斯口岸');
  });
});
