import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { languageOfText, namesMap, rightsUri } from './iiif.manifest.ts';
import { buildIiifFixture, type IiifFixture } from './iiif.test-support.ts';

// biome-ignore lint/suspicious/noExplicitAny: manifests are JSON, checked field by field below
type Json = Record<string, any>;

const languageMapOk = (map: unknown) =>
  typeof map === 'object' &&
  map !== null &&
  Object.entries(map).every(
    ([key, values]) =>
      (key === 'none' || /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(key)) &&
      Array.isArray(values) &&
      values.every((v) => typeof v === 'string'),
  );

describe.each(databaseKinds())('IIIF Presentation 3 manifests on %s', (kind) => {
  let context: TestContext;
  let fixture: IiifFixture;
  const base = 'http://archive.test';

  beforeAll(async () => {
    context = await createTestContext(kind);
    fixture = await buildIiifFixture(context.container);
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  const manifestOf = async (id: number | string) => {
    const response = await context.app.request(`/iiif/${id}/manifest`);
    return { response, body: response.status === 200 ? ((await response.json()) as Json) : undefined };
  };

  it('describes a published document as a Presentation 3 Manifest with an absolute id', async () => {
    const { response, body } = await manifestOf(fixture.publishedId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(body!['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(body!.id).toBe(`${base}/iiif/${fixture.publishedId}/manifest`);
    expect(body!.type).toBe('Manifest');
    expect(body!.label).toEqual({ en: ['Record of a conversation with Mao Zedong on the joint fleet'] });
    expect(body!.summary.en[0]).toContain('joint submarine fleet');
    for (const key of ['label', 'summary']) expect(languageMapOk(body![key]), key).toBe(true);
    expect(body!.navDate).toBe('1958-07-22T00:00:00Z');
  });

  it('has one canvas per scan page, PDF pages and image scans alike, each painted with a level-0 image service', async () => {
    const { body } = await manifestOf(fixture.publishedId);
    const canvases = body!.items as Json[];
    expect(canvases).toHaveLength(3);
    expect(canvases.map((c) => c.label.en[0])).toEqual([
      'Typescript, page 1',
      'Typescript, page 2',
      'Photograph, page 1',
    ]);
    const ids = new Set<string>();
    for (const canvas of canvases) {
      expect(canvas.type).toBe('Canvas');
      expect(canvas.id.startsWith(`${base}/iiif/${fixture.publishedId}/canvas/`)).toBe(true);
      ids.add(canvas.id);
      expect(Number.isInteger(canvas.width) && canvas.width > 0).toBe(true);
      expect(Number.isInteger(canvas.height) && canvas.height > 0).toBe(true);
      const [page] = canvas.items as Json[];
      expect(page!.type).toBe('AnnotationPage');
      const [annotation] = page!.items as Json[];
      expect(annotation).toMatchObject({ type: 'Annotation', motivation: 'painting', target: canvas.id });
      expect(annotation!.body).toMatchObject({
        type: 'Image',
        format: 'image/webp',
        width: canvas.width,
        height: canvas.height,
      });
      const [service] = annotation!.body.service as Json[];
      expect(service).toMatchObject({ type: 'ImageService3', profile: 'level0' });
      expect(service!.id).toMatch(new RegExp(`^${base}/iiif/${fixture.publishedId}-\\d+-\\d+$`));
      // The painted image and the service behind it answer.
      const image = await context.app.request(new URL(annotation!.body.id).pathname);
      expect(image.status).toBe(200);
      const info = (await (
        await context.app.request(`${new URL(service!.id).pathname}/info.json`)
      ).json()) as Json;
      expect(info).toMatchObject({
        id: service!.id,
        width: canvas.width,
        height: canvas.height,
        profile: 'level0',
      });
    }
    expect(ids.size).toBe(3);
    // The PDF pages are at least as wide as the pipeline's reading image allows; US Letter is portrait.
    expect(canvases[0]!.height).toBeGreaterThan(canvases[0]!.width);
  });

  it('carries metadata pairs in the right languages, rights, homepage, provider and citation downloads', async () => {
    const { body } = await manifestOf(fixture.publishedId);
    const metadata = body!.metadata as { label: Json; value: Json }[];
    for (const entry of metadata) {
      expect(languageMapOk(entry.label)).toBe(true);
      expect(languageMapOk(entry.value)).toBe(true);
    }
    const value = (label: string) => metadata.find((m) => m.label.en[0] === label)?.value;
    expect(value('Date')).toEqual({ en: ['July 22, 1958'] });
    expect(value('Archival reference')).toEqual({ none: ['Fond 0100, Opis 51, Papka 432, Delo 6'] });
    expect(value('Repository')).toEqual({
      en: ['Archive of Foreign Policy'],
      ru: ['Архив внешней политики'],
    });
    expect(value('Authors')).toEqual({ en: ['Pavel Yudin'], ru: ['Павел Юдин'] });
    expect(value('Participants')).toEqual({ en: ['Mao Zedong'], zh: ['毛泽东'] });
    expect(value('Classification')).toEqual({ en: ['Top secret'] });
    expect(value('Languages')).toEqual({ en: ['Russian; Chinese'] });
    expect(value('Translated by')).toEqual({ none: ['Test Translator'] });
    expect(value('Subjects')).toEqual({ en: ['Naval cooperation'] });

    expect(body!.rights).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(body!.requiredStatement).toEqual({
      label: { en: ['Rights'] },
      value: { en: ['Invented text written for tests. Released under CC0 1.0.'] },
    });
    expect(body!.homepage).toEqual([
      expect.objectContaining({
        id: `${base}/documents/${fixture.publishedId}`,
        type: 'Text',
        format: 'text/html',
      }),
    ]);
    expect(body!.provider[0]).toMatchObject({ type: 'Agent', label: { en: ['Chancery Digital Archive'] } });
    const seeAlso = body!.seeAlso as Json[];
    for (const [extension, format] of [
      ['ris', 'application/x-research-info-systems'],
      ['bib', 'application/x-bibtex'],
      ['json', 'application/vnd.citationstyles.csl+json'],
    ]) {
      const link = seeAlso.find((s) => s.id === `${base}/documents/${fixture.publishedId}.${extension}`);
      expect(link, extension).toMatchObject({ type: 'Dataset', format });
      expect(link!.profile).toMatch(/^https:\/\//);
      expect((await context.app.request(new URL(link!.id).pathname)).status).toBe(200);
    }
    expect(body!.rendering[0]).toMatchObject({ format: 'application/pdf', type: 'Text' });
    expect(body!.thumbnail[0]).toMatchObject({ type: 'Image', format: 'image/webp' });
  });

  it('refuses drafts with 404 and withdrawn documents with 410, like their pages', async () => {
    expect((await manifestOf(fixture.draftId)).response.status).toBe(404);
    const withdrawn = await manifestOf(fixture.withdrawnId);
    expect(withdrawn.response.status).toBe(410);
    expect(withdrawn.response.headers.get('content-type')).toContain('application/json');
    for (const bad of ['999999', 'abc', '0', '-1', '1.5', '%2e%2e']) {
      const { response } = await manifestOf(bad);
      expect(response.status, bad).toBe(404);
    }
  });

  it('shows the scan page a ?page= link names as its page image, with page links and the manifest linked', async () => {
    const id = fixture.publishedId;
    const html = await (await context.app.request(`/documents/${id}?view=scan&page=2`)).text();
    const pageImage = (asset: number, page: number) =>
      `/documents/${id}/files/${asset}/pages/${page}/image.webp`;
    expect(html).toContain(`<img src="${pageImage(fixture.pdfAssetId, 2)}"`);
    expect(html).toContain('alt="Page 2 of the scan: Typescript: Record of a conversation');
    expect(html).toContain(`href="/documents/${id}?view=scan&amp;page=1" rel="prev"`);
    expect(html).not.toContain('rel="next"');
    expect(html).toMatch(/<input type="number" name="page" min="1" max="2" value="2"/);
    expect(html).toContain(
      `<link rel="alternate" type="application/ld+json;profile=&quot;http://iiif.io/api/presentation/3/context.json&quot;" href="/iiif/${id}/manifest"`,
    );
    expect(html).toMatch(
      /<script src="\/static\/vendor\/openseadragon\.min\.js\?v=[\d.]+" defer=""><\/script>/,
    );
    expect(html).toMatch(/<script src="\/static\/scan-viewer\.js\?v=\w+" defer=""><\/script>/);
    // The viewer's data: one info.json per page, for the script.
    expect(html).toContain(`/iiif/${id}-${fixture.pdfAssetId}-2/info.json`);
    // The PDF stays a link away; the heavy embedded viewer is not loaded.
    expect(html).not.toContain('pdf-viewer__object');
    expect(html).toContain('Download the PDF');

    // A bare ?page= (from a search result) opens the first scan at that page.
    const bare = await (await context.app.request(`/documents/${id}?page=2`)).text();
    expect(bare).toMatch(/<section class="version version--scan" id="version-scan"[^>]*data-view="scan">/);
    expect(bare).toContain(`<img src="${pageImage(fixture.pdfAssetId, 2)}"`);
    const image = await (await context.app.request(`/documents/${id}?view=scan-2`)).text();
    expect(image).toContain(`<img src="${pageImage(fixture.imageAssetId, 1)}"`);

    for (const bad of ['0', '3', '-1', 'abc', '2%3Cscript%3E', '99999999999']) {
      const response = await context.app.request(`/documents/${id}?view=scan&page=${bad}`);
      expect(response.status, bad).toBe(200);
      const body = await response.text();
      expect(body, bad).toContain(`<img src="${pageImage(fixture.pdfAssetId, 1)}"`);
      expect(body, bad).not.toContain('<script>alert');
    }
  });

  it('lists a collection’s documents with scan pages as a IIIF Collection, published ones only', async () => {
    const response = await context.app.request(`/iiif/collections/${fixture.collectionSlug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('http://iiif.io/api/presentation/3/context.json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: `${base}/iiif/collections/${fixture.collectionSlug}`,
      type: 'Collection',
      label: { en: ['Naval talks'] },
    });
    expect(body.items.map((i: Json) => `${i.type} ${i.id}`)).toEqual([
      `Manifest ${base}/iiif/${fixture.publishedId}/manifest`,
    ]);
    const { body: manifest } = await manifestOf(fixture.publishedId);
    expect(manifest!.partOf).toEqual([expect.objectContaining({ id: body.id, type: 'Collection' })]);
    for (const slug of ['no-such-collection', '%2e%2e%2fetc', 'manifest']) {
      const missing = await context.app.request(`/iiif/collections/${slug}`);
      expect(missing.status, slug).toBe(404);
      expect(missing.headers.get('content-type'), slug).toContain('application/json');
    }
  });

  it('answers 304 to a client that has the manifest already', async () => {
    const first = await context.app.request(`/iiif/${fixture.publishedId}/manifest`);
    const etag = first.headers.get('etag')!;
    const again = await context.app.request(`/iiif/${fixture.publishedId}/manifest`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });
});

describe('IIIF language maps', () => {
  it('keys catalogue text by its script and the document’s languages, and says none when it cannot tell', () => {
    expect(languageOfText('Telegram to Moscow', ['ru'])).toBe('en');
    expect(languageOfText('毛泽东同志的谈话', ['ru', 'zh-Hans'])).toBe('zh-Hans');
    expect(languageOfText('Телеграмма', ['zh', 'ru'])).toBe('ru');
    expect(languageOfText('Телеграмма', ['zh'])).toBe('none');
    expect(languageOfText('1958/7', [])).toBe('none');
  });

  it('lists names in every language some of them have a variant in, keeping preferred names elsewhere', () => {
    const authority = (name: string, variants: { name: string; language: string | null }[]) => ({
      id: 1,
      kind: 'person' as const,
      name,
      slug: name,
      parentId: null,
      note: null,
      dates: null,
      variants,
    });
    expect(
      namesMap([
        authority('Mao Zedong', [{ name: '毛泽东', language: 'zh' }]),
        authority('Zhou Enlai', [{ name: 'Чжоу Эньлай', language: 'ru' }]),
      ]),
    ).toEqual({
      en: ['Mao Zedong; Zhou Enlai'],
      zh: ['毛泽东; Zhou Enlai'],
      ru: ['Mao Zedong; Чжоу Эньлай'],
    });
  });

  it('puts a rights URI in rights and recognises Creative Commons licences named in a statement', () => {
    expect(rightsUri('https://creativecommons.org/licenses/by/4.0/')).toBe(
      'http://creativecommons.org/licenses/by/4.0/',
    );
    expect(rightsUri('http://rightsstatements.org/vocab/NoC-US/1.0/')).toBe(
      'http://rightsstatements.org/vocab/NoC-US/1.0/',
    );
    expect(rightsUri('Licensed CC BY-NC-SA 4.0 by the archive')).toBe(
      'http://creativecommons.org/licenses/by-nc-sa/4.0/',
    );
    expect(rightsUri('Public domain in the United States')).toBeUndefined();
    expect(rightsUri(null)).toBeUndefined();
  });
});
