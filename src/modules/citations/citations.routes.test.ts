import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture, tinyPdf } from '../documents/documents.pages.fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe.each(databaseKinds())('citation downloads and the citation box on %s', (kind) => {
  let context: TestContext;
  let id: number;

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_PAGE_CACHE: 'off' });
    id = await saveFixture(context, huangZhenRecord(), [
      { kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 6 },
    ]);
  });
  afterAll(async () => {
    await context.dispose();
  });

  const get = (path: string) => context.app.request(path);

  it('serves RIS with its media type, a safe file name and one unwrapped line per field', async () => {
    const response = await get(`/documents/${id}.ris`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="chancery-document-${id}.ris"`,
    );
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('TY  - MANSCPT');
    expect(lines).toContain(
      "TI  - Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
    );
    for (const line of [
      'A4  - Example Translation Agency',
      'DA  - 1962/08/09/',
      'Y1  - 1962/08/09/',
      'M3  - meeting minutes',
      'DB  - PRC Foreign Ministry Archive',
      'AV  - PRC FMA 118-01767-01, 1-6',
      'T3  - History and Public Policy Program',
      'DP  - Chancery Digital Archive',
      'LA  - zh',
      `UR  - ${context.config.baseUrl}/documents/${id}`,
      `Y2  - ${today().replace(/-/g, '/')}`,
      'ER  - ',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.filter((l) => l !== '').every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
  });

  it('serves BibLaTeX with translator, archive fields, access date and language', async () => {
    const response = await get(`/documents/${id}.bib`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith(`@unpublished{chancery${id},\n`)).toBe(true);
    for (const field of [
      '  translator = {{Example Translation Agency}},',
      '  date = {1962-08-09},',
      '  institution = {PRC Foreign Ministry Archive},',
      '  library = {PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6},',
      '  howpublished = {History and Public Policy Program, Chancery Digital Archive},',
      `  url = {${context.config.baseUrl}/documents/${id}},`,
      `  urldate = {${today()}},`,
      '  langid = {chinese},',
    ]) {
      expect(text).toContain(field);
    }
  });

  it('serves CSL-JSON with the archival fields and the date as precise as it is known', async () => {
    const response = await get(`/documents/${id}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json');
    const [item] = (await response.json()) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'manuscript',
      archive: 'PRC Foreign Ministry Archive',
      archive_location: 'PRC FMA 118-01767-01, 1-6',
      translator: [{ literal: 'Example Translation Agency' }],
      issued: { 'date-parts': [[1962, 8, 9]] },
      URL: `${context.config.baseUrl}/documents/${id}`,
      language: 'zh',
      genre: 'meeting minutes',
    });
    expect(item!.accessed).toEqual({ 'date-parts': [today().split('-').map(Number)] });
  });

  it('answers unpublished, missing and malformed addresses with 404 and no title', async () => {
    const draft = await saveFixture(
      context,
      huangZhenRecord({ externalId: 'fixture/draft-cite', title: 'Secret draft title', status: 'draft' }),
    );
    for (const path of [
      `/documents/${draft}.ris`,
      `/documents/${draft}.bib`,
      `/documents/${draft}.json`,
      '/documents/999999.ris',
      '/documents/abc.ris',
      '/documents/0.bib',
      '/documents/99999999999.json',
      `/documents/${id}.pdf`,
      `/documents/${id}.ris.json.x`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('Secret draft title');
    }
  });

  it('answers a withdrawn record with 410, like its page', async () => {
    const gone = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/withdrawn-cite',
        status: 'withdrawn',
        withdrawalReason: 'Error',
      }),
    );
    expect((await get(`/documents/${gone}.ris`)).status).toBe(410);
  });

  it('still serves the page at /documents/{id}, with the downloads linked in the head and the box', async () => {
    const response = await get(`/documents/${id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      `<link rel="alternate" type="application/x-research-info-systems" href="/documents/${id}.ris"`,
    );
    expect(html).toContain(`<link rel="alternate" type="application/x-bibtex" href="/documents/${id}.bib"`);
    expect(html).toMatch(
      /Download citation: <a href="\/documents\/\d+\.ris"[^>]*>RIS<\/a> · <a[^>]*>BibTeX<\/a> · <a[^>]*>CSL-JSON<\/a>/,
    );
  });

  it('lists every built-in style as a plain link and shows the one ?cite= asks for, box open', async () => {
    const plain = await (await get(`/documents/${id}`)).text();
    expect(plain).toContain(`href="/documents/${id}?cite=apa#cite"`);
    expect(plain).toContain(`href="/documents/${id}?cite=mla#cite"`);
    expect(plain).toMatch(/<details class="action" id="cite">/);
    const apa = await (await get(`/documents/${id}?cite=apa`)).text();
    expect(apa).toMatch(/<details class="action" id="cite" open="">/);
    expect(apa).toContain('APA (7th edition)');
    expect(apa).toContain('[Meeting minutes]');
    expect(apa).toMatch(/aria-current="true"[^>]*>APA|data-style="apa"[^>]*aria-current="true"/);
    const unknown = await (await get(`/documents/${id}?cite=%3Cscript%3E`)).text();
    expect(unknown).toContain('Chicago (notes and bibliography)');
    expect(unknown).not.toContain('<script>');
  });

  it('keeps the version being read in the style links and pins it in "Cite this version"', async () => {
    const html = await (await get(`/documents/${id}?view=original-zh&cite=mla`)).text();
    expect(html).toContain(`href="/documents/${id}?view=original-zh&amp;cite=chicago#cite"`);
    expect(html).toContain('Cite this version: Chinese original, as of');
    expect(html).toMatch(
      new RegExp(`documents/${id}\\?view=original-zh&amp;version=\\d{4}-\\d{2}-\\d{2}\\.`),
    );
  });

  it('tells a reader who follows an older pinned link that the text has been revised since', async () => {
    const html = await (await get(`/documents/${id}?view=translation-en&version=2001-01-01`)).text();
    expect(html).toContain('It has been revised since');
    const current = await (await get(`/documents/${id}?view=translation-en&version=${today()}`)).text();
    expect(current).not.toContain('It has been revised since');
  });
});
