import { describe, expect, it } from 'vitest';
import { htmlToText, plainTextToHtml, sanitizeDocumentHtml } from './sanitize-html.ts';

/**
 * Transcripts come from outside: Word exports, OCR tools, other archives' HTML. Whatever they hold,
 * what is stored and shown must not run code, load anything, submit anything or restyle the page.
 */

/** Every way we know for markup to run code or leave the page, checked on each output. */
function expectInert(html: string): void {
  const lower = html.toLowerCase();
  for (const forbidden of [
    '<script',
    '<style',
    '<iframe',
    '<frame',
    '<object',
    '<embed',
    '<form',
    '<input',
    '<button',
    '<textarea',
    '<select',
    '<svg',
    '<math',
    '<img',
    '<base',
    '<meta',
    '<link',
    '<template',
    '<noscript',
    'javascript:',
    'vbscript:',
    'data:',
    'style=',
    'srcdoc',
    'formaction',
  ]) {
    expect(lower, `output contains ${forbidden}`).not.toContain(forbidden);
  }
  expect(lower).not.toMatch(/\son[a-z]+\s*=/);
}

describe('sanitizeDocumentHtml against hostile markup', () => {
  it.each([
    ['a script element', '<p>Text</p><script>alert(1)</script>', '<p>Text</p>'],
    ['a script split around another', '<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['an image with onerror', '<p>Seal<img src="x" onerror="alert(1)"></p>', '<p>Seal</p>'],
    ['an event handler on an allowed tag', '<p onclick="alert(1)" onmouseover="x()">Text</p>', '<p>Text</p>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">Text</p>', '<p>Text</p>'],
    ['a style element', '<style>body{display:none}</style><p>Text</p>', '<p>Text</p>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe><p>Text</p>', '<p>Text</p>'],
    ['an iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    [
      'a form with inputs',
      '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
      'Go',
    ],
    [
      'a form control outside a form',
      '<p>Name: <input value="x" autofocus onfocus="alert(1)"></p>',
      '<p>Name: </p>',
    ],
    ['an SVG with onload', '<svg onload="alert(1)"><circle r="5"/></svg><p>After</p>', '<p>After</p>'],
    ['script inside SVG', '<svg><script>alert(1)</script></svg>', ''],
    ['MathML mutation markup', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['an object', '<object data="movie.swf"><param name="a" value="b"></object><p>Text</p>', '<p>Text</p>'],
    ['an embed', '<embed src="movie.swf"><p>Text</p>', '<p>Text</p>'],
    ['a base element', '<base href="https://evil.example/"><p>Text</p>', '<p>Text</p>'],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>Text</p>',
      '<p>Text</p>',
    ],
    ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css"><p>Text</p>', '<p>Text</p>'],
    ['conditional comments', '<!--[if IE]><script>alert(1)</script><![endif]--><p>Text</p>', '<p>Text</p>'],
    [
      'a downlevel-revealed conditional',
      '<![if !IE]><script>alert(1)</script><![endif]><p>Text</p>',
      '<p>Text</p>',
    ],
    ['CDATA', '<![CDATA[<script>alert(1)</script>]]><p>Text</p>', '<p>Text</p>'],
    ['a noscript title break-out', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
    ['an option break-out', '<select><option><img src=x onerror=alert(1)></option></select>', ''],
    ['a template', '<template><script>alert(1)</script></template><p>Text</p>', '<p>Text</p>'],
    ['xmp raw text', '<xmp><script>alert(1)</script></xmp>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [
      'a whole web page',
      '<html><head><title>Leak</title><script>x()</script></head><body><p>Body</p></body></html>',
      '<p>Body</p>',
    ],
  ])('removes %s', (_name, input, expected) => {
    const output = sanitizeDocumentHtml(input);
    expectInert(output);
    expect(output).toBe(expected);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading whitespace', '  javascript:alert(1)'],
    ['a tab inside', 'java\tscript:alert(1)'],
    ['a newline inside', 'java\nscript:alert(1)'],
    ['a decimal entity', '&#106;avascript:alert(1)'],
    [
      'padded decimal entities without semicolons',
      '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
    ],
    ['hex entities and a named colon', '&#x6A;&#x61;vascript&colon;alert(1)'],
    ['an entity-encoded tab', 'jav&#x09;ascript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['data: with mixed case', 'DaTa:text/html,<script>alert(1)</script>'],
    ['a protocol-relative URL', '//evil.example/'],
    ['file:', 'file:///etc/passwd'],
  ])('drops a link target with %s', (_name, href) => {
    const output = sanitizeDocumentHtml(`<p><a href="${href}">source</a></p>`);
    expectInert(output);
    expect(output).not.toContain('href=');
    expect(output).toContain('source');
  });

  it('keeps http, https and mailto links and sends them without a referrer', () => {
    const output = sanitizeDocumentHtml(
      '<p><a href="https://archive.example/doc/1" target="_blank">a</a> <a href="mailto:staff@archive.example">b</a></p>',
    );
    expect(output).toBe(
      '<p><a href="https://archive.example/doc/1" rel="nofollow noopener noreferrer">a</a> ' +
        '<a href="mailto:staff@archive.example" rel="nofollow noopener noreferrer">b</a></p>',
    );
  });

  it('closes nested and malformed tags so nothing leaks past the transcript', () => {
    expect(sanitizeDocumentHtml('<div><p>unclosed <b>bold <i>both</p></div>')).toBe(
      '<div><p>unclosed <b>bold <i>both</i></b></p></div>',
    );
    const unbalanced = sanitizeDocumentHtml('<table><tr><td>cell</div></div></main><p>after');
    expect(unbalanced).not.toContain('</main>');
    expect(unbalanced).toContain('cell');
  });

  it('keeps only the classes the stylesheet knows', () => {
    expect(sanitizeDocumentHtml('<p class="speaker site-header visually-hidden">Huang Zhen:</p>')).toBe(
      '<p class="speaker">Huang Zhen:</p>',
    );
  });

  it('escapes text that looks like markup instead of dropping or running it', () => {
    expect(sanitizeDocumentHtml('<p>a < b & c > d</p>')).toBe('<p>a &lt; b &amp; c &gt; d</p>');
  });
});

describe('sanitizeDocumentHtml keeps the structure of a scholarly text', () => {
  it('keeps headings, paragraphs, lists, tables and emphasis as they are', () => {
    const html = [
      '<h2>Record of Conversation</h2>',
      '<p>Vice Minister <strong>Zeng Yongquan</strong> received <em>Chargé</em> Nikolai Sudarikov.</p>',
      '<ol start="2" type="a"><li>First point</li><li>Second <sup>1</sup> point</li></ol>',
      '<ul><li>Item</li></ul>',
      '<table><caption>Crossings</caption><thead><tr><th scope="col">Month</th><th colspan="2">Persons</th></tr></thead>',
      '<tbody><tr><td>May</td><td rowspan="2">6,000</td></tr></tbody></table>',
      '<blockquote><p>Quoted <i>text</i>, <b>bold</b>, <u>underlined</u>, <s>struck</s>, <del>deleted</del>, <ins>inserted</ins>.</p></blockquote>',
      '<p>H<sub>2</sub>O, <small>small</small>, <mark>marked</mark>, <abbr title="Chinese Communist Party">CCP</abbr>, <cite>a cite</cite>, <q>quote</q></p>',
      '<hr /><pre>  preformatted\n  lines</pre><p>line<br />break</p>',
      '<dl><dt>Term</dt><dd>Definition</dd></dl>',
    ].join('');
    expect(sanitizeDocumentHtml(html)).toBe(html);
  });

  it('keeps lang and dir attributes on passages in other languages', () => {
    const html =
      '<p lang="zh">中华人民共和国外交部</p><p lang="ru" dir="ltr">Посольство СССР</p><p dir="rtl" lang="ar">نص</p>';
    expect(sanitizeDocumentHtml(html)).toBe(html);
  });

  it('keeps ruby annotations', () => {
    const html = '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rp>(</rp><rt>ji</rt><rp>)</rp></ruby></p>';
    expect(sanitizeDocumentHtml(html)).toBe(html);
  });

  it('keeps footnote links working, with their ids and targets moved into the transcript namespace', () => {
    const output = sanitizeDocumentHtml(
      '<p>Text<a href="#fn1" id="fnref1" class="footnote">1</a></p>' +
        '<section class="footnotes"><p id="fn1">The note. <a href="#fnref1">↩</a></p></section>',
    );
    expect(output).toBe(
      '<p>Text<a href="#t-fn1" id="t-fnref1" class="footnote">1</a></p>' +
        '<section class="footnotes"><p id="t-fn1">The note. <a href="#t-fnref1">↩</a></p></section>',
    );
  });

  it('turns Word footnote anchors (a name="_ftn1") into ids the links still reach', () => {
    const output = sanitizeDocumentHtml(
      '<p>Text<a href="#_ftn1" name="_ftnref1">[1]</a></p><p><a href="#_ftnref1" name="_ftn1">[1]</a> Note.</p><a name="end"></a>',
    );
    expect(output).toBe(
      '<p>Text<a href="#t-_ftn1" id="t-_ftnref1">[1]</a></p><p><a href="#t-_ftnref1" id="t-_ftn1">[1]</a> Note.</p>' +
        '<a id="t-end"></a>',
    );
  });
});

describe('sanitizeDocumentHtml against DOM clobbering', () => {
  it('cannot give an element an id the page itself uses', () => {
    const output = sanitizeDocumentHtml(
      '<p id="main">a</p><p id="search">b</p><p id="content">c</p><form name="document"></form><a name="location">d</a>',
    );
    expect(output).toBe(
      '<p id="t-main">a</p><p id="t-search">b</p><p id="t-content">c</p><a id="t-location">d</a>',
    );
    expect(output).not.toMatch(/\sname=/);
  });

  it('points in-page links at the moved ids, also when the fragment is percent-encoded', () => {
    expect(
      sanitizeDocumentHtml('<a href="#main">top</a> <a href="#%E6%B3%A8">注</a> <a href="#">self</a>'),
    ).toBe('<a href="#t-main">top</a> <a href="#t-注">注</a> <a href="#">self</a>');
  });

  it('drops ids that are not plain names', () => {
    expect(sanitizeDocumentHtml('<p id="a b">x</p><p id="&quot;x">y</p><p id="">z</p>')).toBe(
      '<p>x</p><p>y</p><p>z</p>',
    );
  });

  it('gives the same result when run twice, so re-imported exports keep their ids', () => {
    const once = sanitizeDocumentHtml('<p id="fn1">Note <a href="#fnref1">back</a></p><a name="x"></a>');
    expect(sanitizeDocumentHtml(once)).toBe(once);
  });
});

describe('plain text and text extraction', () => {
  it('turns plain text into escaped paragraphs, blank lines separating them', () => {
    expect(plainTextToHtml('First <line>\r\nsame paragraph\r\n\r\n\r\nSecond & last')).toBe(
      '<p>First &lt;line&gt;<br>same paragraph</p>\n<p>Second &amp; last</p>',
    );
  });

  it('extracts readable text from sanitised HTML', () => {
    expect(htmlToText('<h2>Title</h2><p>One &amp; two</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title\nOne & two\na\nb',
    );
  });
});
