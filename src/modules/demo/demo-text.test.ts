import { describe, expect, it } from 'vitest';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { demoDocuments } from './content/index.ts';
import { type DemoText, demoTextToHtml, demoTextToPlain } from './demo-text.ts';

const minutes: DemoText = {
  language: 'en',
  marking: 'Secret',
  title: 'Minutes of a <Talk>',
  subtitle: 'A statement',
  header: [['Time:', '9 August 1962, 6:00 p.m.']],
  body: [
    { speaker: 'Huang:', text: 'We met [Nikolai] Mesyatsev. [[One line withheld.]]' },
    'The talk ended.',
  ],
  signature: ['Li Debiao'],
};

describe('demo texts as HTML', () => {
  it('gives header lines, one paragraph per speaker turn, editorial brackets and withheld passages their markup', () => {
    const html = demoTextToHtml(minutes);
    expect(html).toContain('<h1>Minutes of a &lt;Talk&gt;</h1>');
    expect(html).toContain('<h2>A statement</h2>');
    expect(html).toContain('<p class="header-line"><strong>Time:</strong> 9 August 1962, 6:00 p.m.</p>');
    expect(html).toContain(
      '<p><strong class="speaker">Huang:</strong> We met <span class="editorial">[Nikolai]</span> Mesyatsev. <span class="redacted">[One line withheld.]</span></p>',
    );
    expect(html).toContain('<p class="signature">Li Debiao</p>');
  });

  it('writes HTML that the sanitiser leaves as it is, for every demo text', () => {
    for (const document of demoDocuments) {
      for (const text of [document.original, ...(document.translations ?? [])]) {
        const html = demoTextToHtml(text);
        expect(sanitizeDocumentHtml(html), document.record.externalId).toBe(html);
      }
    }
  });

  it('reads as plain text without markup', () => {
    const plain = demoTextToPlain(minutes);
    expect(plain.split('\n')).toEqual([
      'Secret',
      'Minutes of a <Talk>',
      'A statement',
      'Time: 9 August 1962, 6:00 p.m.',
      'Huang: We met [Nikolai] Mesyatsev. [[One line withheld.]]',
      'The talk ended.',
      'Li Debiao',
    ]);
  });
});

describe('the demo content', () => {
  it('gives every document a unique external ID under demo/ and every translation a translator', () => {
    const ids = demoDocuments.map((d) => d.record.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('demo/'))).toBe(true);
    for (const document of demoDocuments) {
      for (const translation of document.translations ?? [])
        expect(translation.translator.trim()).not.toBe('');
    }
  });

  it('links only to documents that are in the demo', () => {
    const ids = new Set(demoDocuments.map((d) => d.record.externalId));
    for (const document of demoDocuments) {
      for (const ref of [...(document.record.related ?? []), ...(document.record.attachments ?? [])]) {
        expect(ids, document.record.externalId).toContain((ref as { externalId: string }).externalId);
      }
    }
  });
});
