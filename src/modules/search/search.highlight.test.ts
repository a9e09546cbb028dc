import { describe, expect, it } from 'vitest';
import { analyzePhrase, analyzeQuery } from './analyzer/index.ts';
import { findMatches, markRanges, snippetHtml } from './search.highlight.ts';

const marked = (text: string, query: string, language?: string) =>
  markRanges(text, findMatches(text, analyzeQuery(query), language));

describe('highlighting matches in original text', () => {
  it('marks every form of an English or Russian word that shares its stem', () => {
    expect(marked('Negotiations resumed; the negotiators met.', 'negotiation')).toBe(
      '<mark>Negotiations</mark> resumed; the <mark>negotiators</mark> met.',
    );
    expect(marked('Negotiations resumed.', '"negotiation"')).toBe('Negotiations resumed.');
    expect(marked('На переговорах Хрущёв говорил; Хрущёва слушали.', 'Хрущев', 'ru')).toBe(
      'На переговорах <mark>Хрущёв</mark> говорил; <mark>Хрущёва</mark> слушали.',
    );
  });

  it('marks a phrase only where its words follow each other', () => {
    expect(marked('the border crossing, a crossing border', '"border crossing"')).toBe(
      'the <mark>border crossing</mark>, a crossing border',
    );
  });

  it('marks Chinese words inside unspaced text and across the spaces OCR leaves', () => {
    expect(marked('关于霍尔果斯口岸的问题', '霍尔果斯')).toBe('关于<mark>霍尔果斯</mark>口岸的问题');
    expect(marked('霍 尔 果 斯 口 岸', '霍尔果斯')).toBe('<mark>霍 尔 果 斯</mark> 口 岸');
  });

  it('marks word beginnings for a prefix clause', () => {
    const clause = { terms: ['reisch'], exact: ['reisch'], prefix: true, exactOnly: true };
    expect(
      markRanges('Ambassador Reischauer wrote', findMatches('Ambassador Reischauer wrote', [clause])),
    ).toBe('Ambassador <mark>Reischauer</mark> wrote');
  });

  it('finds names written with accents or in full-width letters', () => {
    expect(marked('Premier Zhōu Ēnlái arrived', 'zhou enlai')).toBe(
      'Premier <mark>Zhōu</mark> <mark>Ēnlái</mark> arrived',
    );
    expect(marked('ＫＨＲＵＳＨＣＨＥＶ spoke', 'khrushchev')).toBe(
      '<mark>ＫＨＲＵＳＨＣＨＥＶ</mark> spoke',
    );
  });

  it('escapes the text around and inside the marks', () => {
    expect(marked('<b>Tom & Jerry</b> "quoted"', 'jerry')).toBe(
      '&lt;b&gt;Tom &amp; <mark>Jerry</mark>&lt;/b&gt; &quot;quoted&quot;',
    );
  });

  it('cuts a passage around the best cluster of matches, at word boundaries, with ellipses', () => {
    const text = `${'Nothing here at all. '.repeat(30)}The Khorgos border crossing was closed. ${'More filler words. '.repeat(30)}`;
    const clause = analyzePhrase('border crossing')!;
    const html = snippetHtml(text, findMatches(text, [clause]));
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html).toContain('Khorgos <mark>border crossing</mark> was closed');
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThan(260);
    // The passage starts and ends with whole words of the text.
    expect(['Nothing', 'here', 'at', 'all.']).toContain(html.slice(2).split(' ')[0]);
    expect(['More', 'filler', 'words.']).toContain(html.slice(0, -2).split(' ').at(-1));
  });

  it('returns nothing for text without matches', () => {
    expect(findMatches('nothing to see', analyzeQuery('khorgos'))).toEqual([]);
    expect(snippetHtml('nothing to see', [])).toBe('');
  });
});
