import { describe, expect, it } from 'vitest';
import { addParagraphAnchors } from './paragraph-anchors.ts';

const options = { prefix: '', linkBase: '/documents/7?view=translation-en', label: 'Link to paragraph' };

describe('paragraph anchors', () => {
  it('numbers paragraphs in order and links each to its own address', () => {
    const html = addParagraphAnchors(
      '<h1>Minutes</h1><p class="a">One</p><blockquote><p>Two</p></blockquote>',
      options,
    );
    expect(html).toBe(
      '<h1>Minutes</h1><p id="p-1" class="a"><a class="paragraph-link" href="/documents/7?view=translation-en#p-1" aria-label="Link to paragraph 1">¶</a>One</p>' +
        '<blockquote><p id="p-2"><a class="paragraph-link" href="/documents/7?view=translation-en#p-2" aria-label="Link to paragraph 2">¶</a>Two</p></blockquote>',
    );
  });

  it('keeps the sanitiser ids and puts the anchor on a span instead', () => {
    const html = addParagraphAnchors('<p id="t-note-1">Note</p>', options);
    expect(html).toContain('<p id="t-note-1"><span id="p-1" class="paragraph-anchor"></span>');
  });

  it('prefixes the ids of versions not shown, and leaves pre, param and other p-words alone', () => {
    const html = addParagraphAnchors('<pre>x</pre><param><p>One</p>', { ...options, prefix: 'original-zh-' });
    expect(html.startsWith('<pre>x</pre><param><p id="original-zh-p-1">')).toBe(true);
  });
});
