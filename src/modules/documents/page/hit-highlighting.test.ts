import { describe, expect, it } from 'vitest';
import { highlightHits, highlightPlainText, readHitQuery, yearsOf } from './hit-highlighting.ts';

/** The marked words, in order, as the text of each hit (a hit crossing a tag joined by "|"). */
function markedWords(html: string): string[] {
  const hits = new Map<string, string[]>();
  for (const match of html.matchAll(/<mark class="hit"[^>]*data-hit="(\d+)">([\s\S]*?)<\/mark>/g)) {
    const list = hits.get(match[1]!) ?? [];
    list.push(match[2]!);
    hits.set(match[1]!, list);
  }
  return [...hits.values()].map((pieces) => pieces.join('|'));
}

/** The HTML with every mark and step link taken out again: what went in must come out. */
const unmarked = (html: string) =>
  html
    .replace(/<span class="hit-step">[\s\S]*?<\/a><\/span>/g, '')
    .replace(/<mark class="hit"[^>]*>/g, '')
    .replace(/<\/mark>/g, '');

const plainSteps = { stepLinks: false };

describe('highlighting the hits of a search in a document text', () => {
  it('marks every English form sharing the stem, numbered in reading order, and counts them', () => {
    const html = '<p>The negotiations resumed.</p><p>Both negotiators met; the negotiation failed.</p>';
    const result = highlightHits(html, 'negotiation', 'en', plainSteps);
    expect(result.count).toBe(3);
    expect(markedWords(result.html)).toEqual(['negotiations', 'negotiators', 'negotiation']);
    expect(result.html).toContain('<mark class="hit" id="hit-1" data-hit="1">negotiations</mark>');
    expect(result.html).toContain('id="hit-3" data-hit="3">negotiation</mark> failed');
    expect(unmarked(result.html)).toBe(html);
  });

  it('marks Russian words in any case form, ё or е, and with accents folded', () => {
    const html = '<p>Хрущёв говорил; Хрущёва слушали; о Хрущеве писали.</p>';
    const result = highlightHits(html, 'Хрущев', 'ru');
    expect(markedWords(result.html)).toEqual(['Хрущёв', 'Хрущёва', 'Хрущеве']);
    const accents = highlightHits('<p>Premier Zhōu Ēnlái arrived</p>', 'zhou enlai', 'en');
    expect(markedWords(accents.html)).toEqual(['Zhōu', 'Ēnlái']);
  });

  it('finds Chinese words inside unspaced text, by the bigrams the index holds, across OCR spaces', () => {
    const result = highlightHits('<p>关于霍尔果斯口岸的问题。霍尔果斯很近。</p>', '霍尔果斯', 'zh');
    expect(result.count).toBe(2);
    expect(markedWords(result.html)).toEqual(['霍尔果斯', '霍尔果斯']);
    const ocr = highlightHits('<p>霍 尔 果 斯 口 岸</p>', '口岸', 'zh');
    expect(markedWords(ocr.html)).toEqual(['口 岸']);
    // A query the segmenter cuts in two words needs both, each marked where it is.
    const two = highlightHits('<p>口岸在霍尔果斯。</p>', '霍尔果斯口岸', 'zh');
    expect(markedWords(two.html).sort()).toEqual(['口岸', '霍尔果斯'].sort());
  });

  it('marks a quoted phrase only where its words follow each other, unstemmed', () => {
    const html = '<p>The border crossing closed; a crossing of the border; border crossings.</p>';
    const result = highlightHits(html, '"border crossing"', 'en');
    expect(markedWords(result.html)).toEqual(['border crossing']);
    expect(highlightHits(html, 'border crossing', 'en').count).toBe(6);
  });

  it('marks a phrase that crosses inline markup, one mark per side, the id on the first', () => {
    const html = '<p>the border <em>crossing</em> at Khorgos</p>';
    const result = highlightHits(html, '"border crossing"', 'en');
    expect(result.count).toBe(1);
    expect(result.html).toBe(
      '<p>the <mark class="hit" id="hit-1" data-hit="1">border</mark> <em><mark class="hit" data-hit="1">crossing</mark></em> at Khorgos</p>',
    );
  });

  it('marks words starting with a prefix, and not shorter words', () => {
    const html = '<p>Negotiators negotiated; the negotiation; a negotiable nego.</p>';
    const result = highlightHits(html, 'negotia*', 'en');
    expect(markedWords(result.html)).toEqual(['Negotiators', 'negotiated', 'negotiation', 'negotiable']);
  });

  it('never marks inside tags, attributes or ids, and keeps the t- ids of the text', () => {
    const html =
      '<h3 id="t-khorgos" title="Khorgos">At Khorgos</h3><p class="note"><a href="#t-khorgos">see Khorgos</a> and <abbr title="Khorgos border">KB</abbr></p>';
    const result = highlightHits(html, 'khorgos', 'en');
    expect(result.count).toBe(2);
    expect(unmarked(result.html)).toBe(html);
    expect(result.html).toContain('<h3 id="t-khorgos" title="Khorgos">At <mark class="hit" id="hit-1"');
    expect(result.html).toContain('<abbr title="Khorgos border">KB</abbr>');
    // The hit inside the link gets no step links: a link may not hold another.
    const linkStart = result.html.indexOf('<a href="#t-khorgos">');
    const insideLink = result.html.slice(linkStart, result.html.indexOf('</a>', linkStart));
    expect(insideLink).toContain('data-hit="2">Khorgos</mark>');
    expect(insideLink).not.toContain('hit-step');
  });

  it('leaves comments and script content alone, and reads a stray "<" as text', () => {
    const html =
      '<!-- Khorgos --><p>1 < 2 at Khorgos</p><script>var Khorgos = 1;</script><p title="a>b">Khorgos</p>';
    const result = highlightHits(html, 'khorgos', 'en', plainSteps);
    expect(result.count).toBe(2);
    expect(result.html).toContain('<!-- Khorgos -->');
    expect(result.html).toContain('<script>var Khorgos = 1;</script>');
    expect(result.html).toContain('<p>1 < 2 at <mark class="hit" id="hit-1" data-hit="1">Khorgos</mark></p>');
    expect(result.html).toContain(
      '<p title="a>b"><mark class="hit" id="hit-2" data-hit="2">Khorgos</mark></p>',
    );
  });

  it('keeps entities whole and never finds words in them', () => {
    const html = '<p>Tom &amp; Jerry&#8217;s &lt;report&gt; on &quot;amp&quot; &#x20BB7;</p>';
    expect(highlightHits(html, 'lt', 'en').count).toBe(0);
    expect(highlightHits(html, 'quot', 'en').count).toBe(0);
    const report = highlightHits(html, 'report', 'en');
    expect(report.html).toContain('&lt;<mark class="hit" id="hit-1" data-hit="1">report</mark>&gt;');
    const possessive = highlightHits(html, 'jerry', 'en');
    expect(markedWords(possessive.html)).toEqual(['Jerry&#8217;s']);
    const amp = highlightHits(html, 'amp', 'en');
    expect(markedWords(amp.html)).toEqual(['amp']);
    expect(highlightHits(html, '𠮷', 'zh').html).toContain('>&#x20BB7;</mark>');
  });

  it('prefixes the ids of a text that is not shown first, and adds hit-to-hit links that wrap around', () => {
    const html = '<p>Khorgos, then Khorgos again.</p>';
    const result = highlightHits(html, 'khorgos', 'en', { idPrefix: 'original-zh-' });
    expect(result.html).toContain('id="original-zh-hit-1"');
    expect(result.html).toContain('id="original-zh-hit-2"');
    expect(result.html).not.toContain('id="hit-1"');
    const [, firstSteps = ''] = /data-hit="1">Khorgos<\/mark>(<span class="hit-step">.*?<\/a><\/span>)/.exec(
      result.html,
    )!;
    expect(firstSteps).toContain('Hit 1 of 2');
    expect(firstSteps).toContain('href="#original-zh-hit-2"');
    expect(unmarked(result.html)).toBe(html);
    expect(highlightHits('<p>Only one Khorgos.</p>', 'khorgos', 'en').html).not.toContain('hit-step');
  });

  it('marks only words searched in the texts: not exclusions, title-only words or dates', () => {
    const html = '<p>Khorgos, Cuba and 1962; Resolution 1514.</p>';
    const years = yearsOf({ start: '1962-01-01', end: '1962-12-31' });
    const query = readHitQuery('khorgos -cuba title:resolution 1962 1514', years);
    expect(markedWords(highlightHits(html, query, 'en').html)).toEqual(['Khorgos', '1514']);
    expect(readHitQuery('"1962"', years)?.inTexts).toHaveLength(1);
    expect(markedWords(highlightHits(html, 'person:khorgos', 'en').html)).toEqual(['Khorgos']);
    expect(highlightHits(html, 'ref:khorgos', 'en').count).toBe(0);
  });

  it('reads any query without failing: empty, punctuation, controls, unbalanced quotes, markup, 10 kB', () => {
    const html = '<p>The statement on <b>Khorgos</b> &amp; script.</p>';
    for (const q of [
      '',
      '   ',
      '?!…',
      '"',
      '"khorgos',
      '\u0000\u0007khorgos\u202e',
      '<script>alert(1)</script>',
    ]) {
      const result = highlightHits(html, q, 'en');
      expect(unmarked(result.html)).toBe(html);
      expect(result.html).not.toContain('<script>alert');
    }
    expect(readHitQuery('')).toBeUndefined();
    expect(readHitQuery('?!… -- ""')).toBeUndefined();
    expect(highlightHits(html, '"khorgos', 'en').count).toBe(1);
    expect(highlightHits(html, '\u0000khorgos\u0007', 'en').count).toBe(1);
    expect(highlightHits(html, '<script>', 'en').count).toBe(1);
    const long = highlightHits(html, `khorgos ${'x'.repeat(10_000)}`, 'en');
    expect(long.count).toBe(1);
    expect(readHitQuery('x'.repeat(10_000))!.text.length).toBe(1000);
  });

  it('marks at most the number of hits asked for, and says there were more', () => {
    const html = `<p>${'Khorgos and '.repeat(12)}</p>`;
    const all = highlightHits(html, 'khorgos', 'en');
    expect(all).toMatchObject({ count: 12, more: false });
    const some = highlightHits(html, 'khorgos', 'en', { maxHits: 5 });
    expect(some).toMatchObject({ count: 5, more: true });
    expect(markedWords(some.html)).toHaveLength(5);
    expect(unmarked(some.html)).toBe(html);
    expect(some.html).toContain('Hit 5 of 5');
  });

  it('marks titles and summaries as escaped plain text', () => {
    const query = readHitQuery('khorgos')!;
    expect(highlightPlainText('Refugees at <Khorgos> & beyond', query.inTitle)).toBe(
      'Refugees at &lt;<mark>Khorgos</mark>&gt; &amp; beyond',
    );
    expect(highlightPlainText('No hit here', [])).toBe('No hit here');
  });
});
