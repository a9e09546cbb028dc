import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../../test/support/databases.ts';
import { createAlignmentRepository } from '../../../alignment/alignment.repository.ts';
import { huangZhenRecord, saveFixture, tinyPdf } from '../../documents.pages.fixtures.ts';
import { createDocumentsRepository } from '../../documents.repository.ts';
import type { DocumentRecordInput } from '../../documents.schemas.ts';
import { RecordFieldError } from '../../documents.usecases.ts';

const original = '<h1>谈话记录</h1><p>黄：声明收到了。</p><p>梅：好。</p><p>黄：再见。</p>';
const english =
  '<h1>Minutes</h1><p>Huang: We received the statement.</p><p>Mesyatsev: Good.</p><p>Translator’s note: the talk ended here.</p><p>Huang: Goodbye.</p>';

/** A record with a Chinese original, an English and a Russian translation, the English one aligned. */
const aligned = (overrides: Partial<DocumentRecordInput> = {}): DocumentRecordInput =>
  huangZhenRecord({
    externalId: `fixture/side-by-side-${Math.random()}`,
    assets: [
      { kind: 'transcript', language: 'zh', html: original },
      {
        kind: 'translation',
        language: 'en',
        translator: 'A Translator',
        html: english,
        alignment: {
          pairs: [
            { original: [1], translation: [1] },
            { original: [2], translation: [2] },
            { original: [], translation: [3] },
          ],
        },
      },
      { kind: 'translation', language: 'ru', html: '<p>Хуан: Мы получили заявление.</p>' },
    ],
    ...overrides,
  });

/** The cells of each row, as [original text, translation text] without tags. */
function rowsOf(html: string): [string, string][] {
  const rows = [...html.matchAll(/<div class="parallel__row">([\s\S]*?)<\/div><\/div>/g)].map((m) => m[1]!);
  return rows.map((row) => {
    const cells = [...`${row}</div>`.matchAll(/<div class="parallel__cell[^"]*"[^>]*>([\s\S]*?)<\/div>/g)];
    const text = (i: number) =>
      (cells[i]?.[1] ?? '')
        .replace(/<a class="paragraph-link"[^>]*>¶<\/a>/g, '')
        .replace(/<[^>]+>/g, '')
        .trim();
    return [text(0), text(1)];
  });
}

describe.each(databaseKinds())('side-by-side reading on %s', (kind) => {
  let context: TestContext;
  let alignedId: number;
  let plainId: number;
  let scanId: number;
  const page = async (path: string) => {
    const response = await context.app.request(path);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    alignedId = await saveFixture(context, aligned());
    // Paragraph counts differ (1 against 3) and nothing is stored: paragraphs are paired in order.
    plainId = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/side-by-side-plain',
        assets: [
          { kind: 'transcript', language: 'ar', html: '<p>نص أصلي</p>' },
          { kind: 'translation', language: 'en', html: '<p>One.</p><p>Two.</p><p>Three.</p>' },
        ],
      }),
    );
    scanId = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/side-by-side-scan',
        assets: [{ kind: 'transcript', language: 'zh', html: '<p>黄：声明收到了。</p>' }],
      }),
      [{ kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 3 }],
    );
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('stores the pairs with the translation, keeps them through a save without them, and clears them with none', async () => {
    const { db } = context.container.database;
    const id = await saveFixture(context, aligned({ externalId: 'fixture/side-by-side-kept' }));
    const stored = async () => {
      const document = (await createDocumentsRepository({ db }).findById(id))!;
      const english = document.assets.find((a) => a.language === 'en')!;
      return (await createAlignmentRepository({ db }).forDocument(id)).get(english.id)?.pairs;
    };
    expect(await stored()).toEqual([
      { original: [1], translation: [1] },
      { original: [2], translation: [2] },
      { original: [], translation: [3] },
    ]);
    const record = aligned({ externalId: 'fixture/side-by-side-kept', title: 'Saved again' });
    const withoutAlignment = {
      ...record,
      assets: record.assets!.map(({ alignment: _a, ...asset }) => asset),
    };
    await saveFixture(context, withoutAlignment as DocumentRecordInput);
    expect(await stored()).toHaveLength(3);
    await saveFixture(context, {
      ...record,
      assets: record.assets!.map((a) => (a.alignment ? { ...a, alignment: { pairs: [] } } : a)),
    });
    expect(await stored()).toBeUndefined();
  });

  it('refuses pairs naming paragraphs the texts do not have, saving nothing of the record', async () => {
    const record = aligned({ externalId: 'fixture/side-by-side-refused', title: 'Refused' });
    record.assets![1]!.alignment = { pairs: [{ original: [1], translation: [9] }] };
    const error = await saveFixture(context, record).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordFieldError);
    expect((error as RecordFieldError).field).toBe('assets[1].alignment.pairs[0]');
    expect((error as Error).message).toContain('the translation has 4 paragraphs; there is no paragraph 9');
    const documents = createDocumentsRepository({ db: context.container.database.db });
    expect(await documents.findIdByExternalId('fixture/side-by-side-refused')).toBeUndefined();
  });

  it('shows the original and the translation in rows as the editors aligned them, with lang and dir', async () => {
    const { status, html } = await page(`/documents/${alignedId}?view=side-by-side`);
    expect(status).toBe(200);
    expect(rowsOf(html)).toEqual([
      ['谈话记录黄：声明收到了。', 'MinutesHuang: We received the statement.'],
      ['梅：好。', 'Mesyatsev: Good.'],
      ['', 'Translator’s note: the talk ended here.'],
      ['黄：再见。', 'Huang: Goodbye.'],
    ]);
    expect(html).toContain('Paragraphs are aligned as the editors matched them.');
    expect(html).toMatch(/<h3 class="parallel__heading parallel__heading--original">Chinese original<\/h3>/);
    expect(html).toMatch(
      /<h3 class="parallel__heading parallel__heading--translation">English translation<\/h3>/,
    );
    expect(html).toMatch(/class="parallel__cell parallel__cell--original document-text" lang="zh" dir="ltr"/);
    expect(html).toContain('id="original-zh-p-2"');
    expect(html).toContain(`href="/documents/${alignedId}?view=translation-en#p-3"`);
    expect(html).toMatch(
      /<a class="version-tabs__tab" href="[^"]*view=side-by-side" aria-current="page">Side by side/,
    );
    expect(html).toContain('/static/side-by-side.js');
    // The usual page links to the reader.
    expect((await page(`/documents/${alignedId}`)).html).toContain(
      `href="/documents/${alignedId}?view=side-by-side"`,
    );
  });

  it('pairs paragraphs in order when nothing is stored, the extras of the longer text alone', async () => {
    const { status, html } = await page(`/documents/${plainId}?view=side-by-side`);
    expect(status).toBe(200);
    expect(rowsOf(html)).toEqual([
      ['نص أصلي', 'One.'],
      ['', 'Two.'],
      ['', 'Three.'],
    ]);
    expect(html).toContain('the original has 1 and the translation 3');
    expect(html).toMatch(/lang="ar" dir="rtl"/);
  });

  it('reads another translation by language, and falls back to English for one it does not have', async () => {
    const russian = await page(`/documents/${alignedId}?view=side-by-side&translation=rus`);
    expect(russian.html).toContain('Chinese original and Russian translation, side by side');
    expect(rowsOf(russian.html)[0]).toEqual(['谈话记录黄：声明收到了。', 'Хуан: Мы получили заявление.']);
    for (const value of ['xx', '%00%3Cscript%3E', 'translation-de', '', '../../1', 'x'.repeat(5000)]) {
      const { status, html } = await page(`/documents/${alignedId}?view=side-by-side&translation=${value}`);
      expect(status, value).toBe(200);
      expect(html, value).toContain('Chinese original and English translation, side by side');
      expect(html).not.toContain('<script>');
    }
    expect((await page(`/documents/${alignedId}?view=side-by-side&translation=xx`)).html).toContain(
      'The translation asked for is not in this document',
    );
  });

  it('marks search hits on both sides', async () => {
    const { html } = await page(
      `/documents/${alignedId}?view=side-by-side&q=${encodeURIComponent('statement 声明')}`,
    );
    const [first] = rowsOf(html);
    expect(first).toEqual(['谈话记录黄：声明收到了。', 'MinutesHuang: We received the statement.']);
    expect(html).toMatch(/lang="zh"[^>]*>[\s\S]*?<mark class="hit" id="original-hit-1"[^>]*>声明<\/mark>/);
    expect(html).toMatch(/<mark class="hit" id="translation-hit-1"[^>]*>statement<\/mark>/);
    expect(html).toContain('1 hit in the original, 1 in the translation');
  });

  it('keeps the search from the usual page in its link to the reader', async () => {
    const { html } = await page(`/documents/${alignedId}?q=statement`);
    expect(html).toContain(`href="/documents/${alignedId}?view=side-by-side&amp;q=statement"`);
    expect((await page(`/documents/${alignedId}`)).html).toContain(
      `href="/documents/${alignedId}?view=side-by-side"`,
    );
  });

  it('shows a scan page beside its text, with page navigation, and never fails on odd parameters', async () => {
    const scan = await page(`/documents/${scanId}?view=side-by-side&with=scan&page=2`);
    expect(scan.status).toBe(200);
    expect(scan.html).toContain('Page 2 of the scan, beside its text');
    expect(scan.html).toContain(`href="/documents/${scanId}?view=side-by-side&amp;with=scan" rel="prev"`);
    expect(scan.html).toContain(`page=3" rel="next"`);
    // The pipeline has not read the page yet: the transcript stands in, the PDF opens at the page.
    expect(scan.html).toContain('the whole transcript is shown');
    expect(scan.html).toContain('#page=2');
    for (const query of [
      'with=scan&page=99',
      'with=scan&page=-1',
      'with=scan&page=abc',
      'with=%FF',
      'with=scan&page=1e3',
    ]) {
      const { status, html } = await page(`/documents/${scanId}?view=side-by-side&${query}`);
      expect(status, query).toBe(200);
      expect(html, query).toContain('Page 1 of the scan, beside its text');
    }
    // No translation, so the reader offers the scan; a document without a scan says so when asked for one.
    expect((await page(`/documents/${scanId}`)).html).toContain('Read the scan beside its text');
    const noScan = await page(`/documents/${alignedId}?view=side-by-side&with=scan`);
    expect(noScan.html).toContain('This document has no scan to show beside its text');
    const bogus = await page(`/documents/${alignedId}?view=side-by-side&with=everything`);
    expect(bogus.html).not.toContain('no scan to show');
    expect(rowsOf(bogus.html)).toHaveLength(4);
  });

  it('shows the usual page for a document with nothing to put side by side, and nothing unpublished', async () => {
    const lone = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/side-by-side-lone',
        assets: [{ kind: 'translation', language: 'en', html: '<p>Only a translation.</p>' }],
      }),
    );
    const { status, html } = await page(`/documents/${lone}?view=side-by-side`);
    expect(status).toBe(200);
    expect(html).not.toContain('parallel__row');
    expect(html).not.toContain('view=side-by-side');
    expect(html).toContain('Only a translation.');

    for (const status of ['draft', 'in_review', 'withdrawn'] as const) {
      const hidden = await saveFixture(
        context,
        aligned({
          externalId: `fixture/side-by-side-${status}`,
          status,
          title: `Hidden ${status}`,
          ...(status === 'withdrawn' ? { withdrawalReason: 'Rights unclear' } : {}),
        }),
      );
      const answer = await page(`/documents/${hidden}?view=side-by-side&translation=en&with=scan`);
      expect(answer.status, status).toBe(status === 'withdrawn' ? 410 : 404);
      expect(answer.html).not.toContain('Translator’s note');
      expect(answer.html).not.toContain('parallel__row');
    }
  });
});
