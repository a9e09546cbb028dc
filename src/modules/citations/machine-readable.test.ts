import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture, tinyPdf } from '../documents/documents.pages.fixtures.ts';
import { jsonForScriptBlock } from './machine-readable.ts';

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every `<meta name content>` of the page, in order, as a reference manager's parser collects them. */
function metaTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [, name, content] of html.matchAll(/<meta name="([^"]+)" content="([^"]*)"\/?>/g)) {
    tags.set(name!, [...(tags.get(name!) ?? []), decode(content!)]);
  }
  return tags;
}

/**
 * A small reader in the manner of Zotero's Embedded Metadata translator: Highwire `citation_*` tags
 * first, Dublin Core where Highwire says nothing, the PDF as an attachment.
 */
function readEmbeddedMetadata(html: string) {
  const tags = metaTags(html);
  const first = (...names: string[]) => names.map((n) => tags.get(n)?.[0]).find((v) => v !== undefined);
  const all = (...names: string[]) => names.map((n) => tags.get(n) ?? []).find((v) => v.length > 0) ?? [];
  return {
    itemType: 'manuscript',
    title: first('citation_title', 'DC.title'),
    date: first('citation_date', 'citation_publication_date', 'DC.date'),
    creators: [
      ...all('citation_author', 'DC.creator').map((name) => ({ name, creatorType: 'author' })),
      ...all('DC.contributor').map((name) => ({ name, creatorType: 'contributor' })),
    ],
    archive: first('citation_archive'),
    archiveLocation: first('citation_archive_location'),
    publisher: first('citation_publisher', 'DC.publisher'),
    language: first('citation_language', 'DC.language'),
    url: first('citation_public_url', 'citation_abstract_html_url', 'DC.identifier'),
    tags: all('DC.subject'),
    attachments: all('citation_pdf_url').map((url) => ({ url, mimeType: 'application/pdf' })),
    hasDublinCoreSchema: html.includes('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>'),
  };
}

const jsonLd = (html: string) => {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return block === undefined ? undefined : (JSON.parse(block) as Record<string, unknown>);
};

describe.each(databaseKinds())('machine-readable document pages on %s', (kind) => {
  let context: TestContext;
  let id: number;

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_PAGE_CACHE: 'off' });
    id = await saveFixture(
      context,
      huangZhenRecord({
        agents: [
          ...huangZhenRecord().agents!,
          { name: 'Ministry of Foreign Affairs of the PRC', kind: 'organization', role: 'author' },
        ],
      }),
      [{ kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 6 }],
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  const page = async (path: string) => (await context.app.request(path)).text();

  it('gives an embedded-metadata reader a complete item, Highwire preferred over Dublin Core', async () => {
    const item = readEmbeddedMetadata(await page(`/documents/${id}`));
    expect(item).toMatchObject({
      title:
        "Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
      date: '1962/08/09',
      creators: [
        { name: 'Ministry of Foreign Affairs of the PRC', creatorType: 'author' },
        { name: 'Example Translation Agency', creatorType: 'contributor' },
      ],
      archive: 'PRC Foreign Ministry Archive',
      archiveLocation: 'PRC FMA 118-01767-01, 1-6',
      publisher: 'Chancery Digital Archive',
      language: 'zh',
      url: `${context.config.baseUrl}/documents/${id}`,
      tags: ['Illegal border crossings'],
      hasDublinCoreSchema: true,
    });
    expect(item.attachments).toHaveLength(1);
    expect(item.attachments[0]!.url).toMatch(new RegExp(`^${context.config.baseUrl}/documents/${id}/files/`));
  });

  it('describes the record in schema.org JSON-LD as an archive component held by its archive', async () => {
    const data = jsonLd(await page(`/documents/${id}`));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ArchiveComponent',
      url: `${context.config.baseUrl}/documents/${id}`,
      dateCreated: '1962-08-09',
      inLanguage: 'zh',
      genre: 'meeting minutes',
      identifier: 'PRC FMA 118-01767-01, 1-6',
      holdingArchive: { '@type': 'ArchiveOrganization', name: 'PRC Foreign Ministry Archive' },
      translator: [{ name: 'Example Translation Agency' }],
      author: [{ '@type': 'Organization', name: 'Ministry of Foreign Affairs of the PRC' }],
      publisher: { name: 'Chancery Digital Archive' },
    });
    expect(data!.about).toEqual(
      expect.arrayContaining([expect.objectContaining({ '@type': 'Person', name: 'Huang Zhen' })]),
    );
    expect(data!.contentLocation).toEqual([expect.objectContaining({ '@type': 'Place', name: 'Xinjiang' })]);
    expect(data!.associatedMedia).toMatchObject({ encodingFormat: 'application/pdf' });
  });

  it('keeps a title with </script> inside the JSON-LD block, read back intact', async () => {
    const evil = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/ld-evil',
        title: 'Cable </script><script>alert(1)</script> & more',
      }),
    );
    const html = await page(`/documents/${evil}`);
    expect(html).not.toContain('</script><script>alert(1)');
    expect(jsonLd(html)!.name).toBe('Cable </script><script>alert(1)</script> & more');
    expect(jsonForScriptBlock({ a: '</script>\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
  });

  it('carries a COinS span a link resolver can read', async () => {
    const html = await page(`/documents/${id}`);
    const title = /<span class="Z3988" title="([^"]*)"/.exec(html)?.[1];
    expect(title).toBeDefined();
    const params = new URLSearchParams(decode(title!));
    expect(params.get('ctx_ver')).toBe('Z39.88-2004');
    expect(params.get('rft.title')).toContain("Huang Zhen's Talk");
    expect(params.get('rft.date')).toBe('1962-08-09');
    expect(params.get('rft.source')).toBe('PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6');
    expect(params.getAll('rft.language')).toEqual(['zh']);
    expect(params.get('rft.identifier')).toBe(`${context.config.baseUrl}/documents/${id}`);
  });
});
