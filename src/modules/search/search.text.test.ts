import { describe, expect, it } from 'vitest';
import { chunkText, decodeEntities, htmlToText } from './search.text.ts';

describe('plain text of stored HTML', () => {
  it('puts block elements on lines of their own and drops inline tags', () => {
    expect(htmlToText('<h2>Minutes</h2><p>Huang: <em>Hello</em>.</p><p>Mesyatsev: Hello.</p>')).toBe(
      'Minutes\nHuang: Hello.\nMesyatsev: Hello.',
    );
  });

  it('decodes entities, and leaves what is not an entity as written', () => {
    expect(decodeEntities('Tom &amp; Jerry &lt;3 &#1061;&#x440; &nbsp;&mdash; &bogus; &#0; &#xD800;')).toBe(
      'Tom & Jerry <3 Хр \u00a0\u2014 &bogus; &#0; &#xD800;',
    );
  });

  it('ignores the content of scripts and styles', () => {
    expect(htmlToText('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('a\nb');
  });
});

describe('chunks of long texts', () => {
  it('covers the whole text in pieces no longer than asked, cut at spaces', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(text, 1000);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(text.length);
    for (const [i, [start, end]] of chunks.entries()) {
      expect(end - start).toBeLessThanOrEqual(1000);
      if (i > 0) expect(start).toBe(chunks[i - 1]![1]);
      if (end < text.length) expect(text[end - 1]).toBe(' ');
    }
  });

  it('never splits a character outside the basic plane', () => {
    const text = '𠀀'.repeat(1500);
    for (const [start, end] of chunkText(text, 1001)) {
      expect(text.charCodeAt(start)).toBe(0xd840);
      expect(end - start).toBeLessThanOrEqual(1001);
    }
  });

  it('keeps a short text whole', () => {
    expect(chunkText('short', 1000)).toEqual([[0, 5]]);
    expect(chunkText('', 1000)).toEqual([]);
  });
});
