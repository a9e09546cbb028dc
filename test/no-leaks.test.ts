import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/database/tables.ts';
import { createAuthoritiesRepository } from '../src/modules/authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../src/modules/documents/documents.repository.ts';
import {
  type DocumentRecordInput,
  documentRecordSchema,
} from '../src/modules/documents/documents.schemas.ts';
import { type PreparedAsset, saveDocument } from '../src/modules/documents/documents.usecases.ts';
import { changeStatus } from '../src/modules/editor/editor.workflow.ts';
import { makePdf } from '../src/modules/import-export/import-export.fixtures.ts';
import { readerRecordSchema } from '../src/modules/readers/readers.schemas.ts';
import { saveReader } from '../src/modules/readers/readers.usecases.ts';
import { themeRecordSchema } from '../src/modules/themes/themes.schemas.ts';
import { saveTheme } from '../src/modules/themes/themes.usecases.ts';
import { createTestContext, databaseKinds, type TestContext } from './support/databases.ts';

/**
 * Nothing unpublished may reach the public: not a draft, a document in review, a scheduled one before
 * its time, nor a withdrawn one (beyond the notice at its own address). One document in each of those
 * statuses carries marker words in every field, its own people, places, subjects, archive, funder and
 * collection, a scan, links to a published document and a place in a public collection; then every
 * public route of the application is asked, with the parameters that could reveal them.
 *
 * The list of public routes comes from the application itself: a route this file does not know fails
 * the first test, so every new public surface must be added below before it can ship.
 */

const hiddenStatuses = ['draft', 'in_review', 'scheduled', 'withdrawn'] as const;
type HiddenStatus = (typeof hiddenStatuses)[number];

/** Record IDs far above anything else in the test, so that finding one in a response means something. */
const hiddenIds: Record<HiddenStatus, number> = {
  draft: 970001,
  in_review: 970002,
  scheduled: 970003,
  withdrawn: 970004,
};
const markerOf = (status: HiddenStatus, field: string) => `Quokka${status.replace('_', '')}${field}`;
const fields = [
  'Title',
  'Summary',
  'Transcript',
  'Translation',
  'Scanfile',
  'Person',
  'Organization',
  'Place',
  'Subject',
  'Archive',
  'Funder',
  'Collection',
  'Reference',
  'Credit',
];

type Fixture = {
  publicId: number;
  publicScanId: number;
  publicPersonId: number;
  publicCollectionSlug: string;
  hidden: Record<
    HiddenStatus,
    { id: number; scanId: number; authorityIds: Record<string, number>; collectionSlug: string }
  >;
};

async function scanAsset(context: TestContext, marker: string): Promise<PreparedAsset> {
  // A real PDF with the marker in a trailing comment: served anywhere, the marker would show.
  const bytes = Buffer.concat([await makePdf(1, 'scan'), Buffer.from(`\n% ${marker}\n`)]);
  const blob = await context.container.storage.put(bytes);
  return {
    kind: 'scan',
    language: 'ru',
    label: null,
    translator: null,
    html: null,
    blobSha256: blob.sha256,
    fileName: `${marker}.pdf`,
    mediaType: 'application/pdf',
    pageCount: 1,
    blob: { ...blob, mediaType: 'application/pdf' },
  };
}

const textAsset = (kind: 'transcript' | 'translation', language: string, text: string): PreparedAsset => ({
  kind,
  language,
  label: null,
  translator: null,
  html: `<p>${text}</p>`,
  blobSha256: null,
  fileName: null,
  mediaType: null,
  pageCount: null,
  blob: null,
});

function hiddenRecord(status: HiddenStatus): DocumentRecordInput {
  const m = (field: string) => markerOf(status, field);
  return {
    id: hiddenIds[status],
    externalId: `hidden/${status}`,
    // The withdrawn one is published first, as in life, and withdrawn once the caches know it.
    status: status === 'withdrawn' ? 'published' : status,
    ...(status === 'scheduled' ? { scheduledFor: '2099-01-01T09:00:00Z' } : {}),
    title: `Conversation on the border ${m('Title')}`,
    summary: `Summary of the talk ${m('Summary')}`,
    date: '1962-08-09',
    type: 'minutes',
    archivalReference: `Fonds 1 ${m('Reference')}`,
    repository: `${m('Archive')} State Archive`,
    credits: [{ role: 'translator', name: `${m('Credit')} Translator` }],
    agents: [
      { name: `${m('Person')} Ivanovich`, role: 'author' },
      { name: `${m('Organization')} Committee`, kind: 'organization', role: 'recipient' },
    ],
    places: [`${m('Place')} Valley`],
    subjects: [`${m('Subject')} affairs`],
    funders: [`${m('Funder')} Foundation`],
    collections: ['Public papers', `${m('Collection')} series`],
  };
}

async function buildFixture(context: TestContext): Promise<Fixture> {
  const deps = context.container.database;
  const hidden = {} as Fixture['hidden'];
  for (const status of hiddenStatuses) {
    const record = documentRecordSchema.parse(hiddenRecord(status));
    const assets = [
      await scanAsset(context, markerOf(status, 'Scanfile')),
      textAsset('transcript', 'ru', `Текст ${markerOf(status, 'Transcript')}`),
      textAsset('translation', 'en', `Text ${markerOf(status, 'Translation')}`),
    ];
    const { id } = await saveDocument(deps, record, assets);
    const stored = (await createDocumentsRepository({ db: deps.db }).findById(id))!;
    const authorityIds: Record<string, number> = {};
    for (const a of [
      ...stored.agents,
      ...stored.places,
      ...stored.subjects,
      ...stored.funders,
      ...stored.collections,
    ]) {
      if (a.name.includes('Quokka')) authorityIds[a.kind] = a.id;
    }
    authorityIds.repository = stored.repository!.id;
    const collection = stored.collections.find((c) => c.name.includes('Quokka'))!;
    hidden[status] = { id, scanId: stored.assets[0]!.id, authorityIds, collectionSlug: collection.slug };
  }
  const publicRecord = documentRecordSchema.parse({
    externalId: 'public/anchor',
    title: 'Public anchor telegram',
    summary: 'A published telegram about trade.',
    date: '1962-08-10',
    agents: [{ name: 'Publicly Known Diplomat', role: 'author' }],
    collections: ['Public papers'],
    places: ['Ili'],
    related: hiddenStatuses.map((s) => ({ id: hidden[s].id })),
    attachments: [{ id: hidden.draft.id }],
  });
  const { id: publicId } = await saveDocument(deps, publicRecord, [
    await scanAsset(context, 'public scan'),
    textAsset('translation', 'en', 'Published translation text.'),
  ]);
  const stored = (await createDocumentsRepository({ db: deps.db }).findById(publicId))!;
  await buildCuratedFixture(context, publicId, hidden);
  return {
    publicId,
    publicScanId: stored.assets[0]!.id,
    publicPersonId: stored.agents[0]!.id,
    publicCollectionSlug: stored.collections[0]!.slug,
    hidden,
  };
}

/**
 * A published theme over the public collection and the hidden documents' own collections, with every
 * place positioned so a leak would be drawn on its map; a published reader listing every document with
 * a note naming it; and a draft theme and reader that must not be public at all.
 */
async function buildCuratedFixture(context: TestContext, publicId: number, hidden: Fixture['hidden']) {
  const { db } = context.container.database;
  const editor = { actor: { id: null, label: 'editor@example.org' }, ip: null, userAgent: null };
  await db
    .updateTable('authorities')
    .set({ latitude: 44, longitude: 81 })
    .where('kind', '=', 'place')
    .execute();
  const collections = ['Public papers', ...hiddenStatuses.map((s) => `${markerOf(s, 'Collection')} series`)];
  await saveTheme(
    db,
    themeRecordSchema.parse({
      type: 'theme',
      slug: 'leak-check',
      title: 'Leak check theme',
      status: 'published',
      collections,
      events: [{ date: '1962-08', title: 'A public event' }],
    }),
    { context: editor },
  );
  await saveReader(
    db,
    readerRecordSchema.parse({
      type: 'reader',
      slug: 'leak-check',
      title: 'Leak check reader',
      status: 'published',
      items: [
        { document: { id: publicId }, note: 'The public one.' },
        ...hiddenStatuses.map((s) => ({
          document: { id: hidden[s].id },
          note: `About ${markerOf(s, 'Title')}`,
        })),
      ],
    }),
    { context: editor },
  );
  await saveTheme(
    db,
    themeRecordSchema.parse({
      type: 'theme',
      slug: 'draft-theme',
      title: `Theme ${markerOf('draft', 'Title')}`,
      collections,
    }),
    { context: editor },
  );
  await saveReader(
    db,
    readerRecordSchema.parse({
      type: 'reader',
      slug: 'draft-reader',
      title: `Reader ${markerOf('draft', 'Title')}`,
      items: [{ document: { id: publicId } }],
    }),
    { context: editor },
  );
}

const segment: Record<string, string> = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
  subject: 'subjects',
  repository: 'repositories',
  funder: 'funders',
};

/** For every public route: the requests that could reveal hidden documents through it. */
function publicSurfaces(f: Fixture): Record<string, string[]> {
  const hidden = hiddenStatuses.map((s) => f.hidden[s]);
  const allIds = [f.publicId, ...hidden.map((h) => h.id)];
  const markers = hiddenStatuses.flatMap((s) =>
    ['Title', 'Transcript', 'Person', 'Collection', 'Place'].map((m) => markerOf(s, m)),
  );
  const authorityPages = (kind: string) => [
    ...hidden.map((h) => `/${segment[kind]}/${h.authorityIds[kind]}`),
    ...(kind === 'person' ? [`/people/${f.publicPersonId}`] : []),
  ];
  const collectionSlugs = [f.publicCollectionSlug, ...hidden.map((h) => h.collectionSlug)];
  const scans = [
    { id: f.publicId, asset: f.publicScanId },
    ...hidden.map((h) => ({ id: h.id, asset: h.scanId })),
  ];
  const oai = (query: string) => `/oai?${query}`;
  return {
    'GET /': ['/'],
    'GET /api': ['/api'],
    'GET /api/v1/authorities': [
      '/api/v1/authorities?per_page=100',
      ...Object.keys(segment).map((k) => `/api/v1/authorities?kind=${k}&per_page=100`),
    ],
    'GET /api/v1/authorities/:id': hidden.flatMap((h) =>
      Object.values(h.authorityIds).map((id) => `/api/v1/authorities/${id}`),
    ),
    'GET /api/v1/collections': ['/api/v1/collections?per_page=100'],
    'GET /api/v1/collections/:slug': collectionSlugs.map((s) => `/api/v1/collections/${s}`),
    'GET /api/v1/documents': ['/api/v1/documents?per_page=100'],
    'GET /api/v1/documents/:id': allIds.map((id) => `/api/v1/documents/${id}`),
    'GET /api/v1/documents/:id/similar': allIds.map((id) => `/api/v1/documents/${id}/similar?limit=20`),
    'GET /api/v1/documents/:id/scans/:assetId/pages': scans.map(
      (s) => `/api/v1/documents/${s.id}/scans/${s.asset}/pages`,
    ),
    'GET /api/v1/openapi.json': ['/api/v1/openapi.json'],
    'GET /api/v1/search': [
      '/api/v1/search?q=telegram',
      '/api/v1/search?q=conversation%20border',
      ...markers.map((m) => `/api/v1/search?q=${m}`),
    ],
    'GET /api/v1/search/suggest': [
      ...markers.map((m) => `/api/v1/search/suggest?q=${m.slice(0, 12)}`),
      '/api/v1/search/suggest?q=quokka',
    ],
    'GET /collections': ['/collections'],
    'GET /browse': ['/browse'],
    'GET /browse/dates': [
      '/browse/dates',
      '/browse/dates?decade=1960',
      '/browse/dates?year=1962',
      '/browse/dates?decade=1960&level=decade',
      '/browse/dates?undated=1',
    ],
    'GET /browse/places': ['/browse/places'],
    ...Object.fromEntries(
      ['people', 'organizations', 'subjects', 'repositories', 'funders'].map((index) => [
        `GET /browse/${index}`,
        [`/browse/${index}`, `/browse/${index}?letter=Q`],
      ]),
    ),
    'GET /collections/:slug': collectionSlugs.flatMap((s) => [
      `/collections/${s}`,
      `/collections/${s}?sort=title`,
      `/collections/${s}?q=conversation`,
    ]),
    'GET /collections/:slug/image': collectionSlugs.map((s) => `/collections/${s}/image`),
    'GET /collections/:slug/feed.xml': collectionSlugs.map((s) => `/collections/${s}/feed.xml`),
    'GET /data': ['/data'],
    'GET /data/:name': ['/data/documents.jsonl', '/data/documents.csv'],
    'GET /documents/:file{[0-9]+\\.(?:ris|bib|json)}': allIds.flatMap((id) =>
      ['ris', 'bib', 'json'].map((e) => `/documents/${id}.${e}`),
    ),
    'GET /documents/:id': [
      ...allIds.map((id) => `/documents/${id}`),
      // Opened from search results: hit counts per version must count published texts only.
      ...allIds.map((id) => `/documents/${id}?q=telegram`),
      ...markers.map((m) => `/documents/${f.publicId}?q=${m}`),
      // The side-by-side reader: texts in rows, and a scan page beside its text.
      ...allIds.map((id) => `/documents/${id}?view=side-by-side&translation=en`),
      ...allIds.map((id) => `/documents/${id}?view=side-by-side&with=scan&page=1`),
    ],
    'GET /documents/:id/files/:assetId/:name?': scans.flatMap((s) => [
      `/documents/${s.id}/files/${s.asset}`,
      `/documents/${s.id}/files/${s.asset}/scan.pdf`,
    ]),
    'GET /documents/:id/files/:assetId/pages/:page/:rendition': scans.map(
      (s) => `/documents/${s.id}/files/${s.asset}/pages/1/thumbnail.webp`,
    ),
    'GET /feed.xml': ['/feed.xml'],
    'GET /fonts/:file': ['/fonts/missing.woff2'],
    'GET /funders/:id': authorityPages('funder'),
    'GET /healthz': ['/healthz'],
    'GET /oai': [
      oai('verb=Identify'),
      oai('verb=ListSets'),
      oai('verb=ListRecords&metadataPrefix=oai_dc'),
      oai('verb=ListIdentifiers&metadataPrefix=oai_dc'),
      ...collectionSlugs.map((s) => oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:${s}`)),
      ...allIds.map((id) => oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:${id}`)),
    ],
    'GET /iiif/:id/manifest': allIds.map((id) => `/iiif/${id}/manifest`),
    'GET /iiif/collections/:slug': collectionSlugs.map((s) => `/iiif/collections/${s}`),
    'GET /iiif/:image': scans.map((s) => `/iiif/${s.id}-${s.asset}-1`),
    'GET /iiif/:image/info.json': scans.map((s) => `/iiif/${s.id}-${s.asset}-1/info.json`),
    'GET /iiif/:image/:region/:size/:rotation/:file': scans.flatMap((s) => [
      `/iiif/${s.id}-${s.asset}-1/full/max/0/default.jpg`,
      `/iiif/${s.id}-${s.asset}-1/0,0,512,512/512,512/0/default.jpg`,
    ]),
    'GET /organizations/:id': authorityPages('organization'),
    'GET /people/:id': authorityPages('person'),
    'GET /places/:id': authorityPages('place'),
    'GET /repositories/:id': authorityPages('repository'),
    'GET /robots.txt': ['/robots.txt'],
    'GET /search': ['/search', '/search?q=telegram', ...markers.map((m) => `/search?q=${m}`)],
    'GET /sitemap.xml': ['/sitemap.xml'],
    'GET /sitemaps/:file': ['/sitemaps/pages-1.xml', '/sitemaps/documents-1.xml'],
    'GET /static/:file': ['/static/app.js', '/static/app.css', '/static/hit-navigation.js'],
    'GET /static/vendor/openseadragon.min.js': ['/static/vendor/openseadragon.min.js'],
    'GET /subjects/:id': authorityPages('subject'),
    'GET /themes': ['/themes'],
    'GET /themes/:slug': [
      '/themes/leak-check',
      '/themes/leak-check?year=1962',
      '/themes/leak-check?decade=1960',
      '/themes/draft-theme',
      ...hidden.flatMap((h) => [
        `/themes/leak-check?place=${h.authorityIds.place}`,
        `/themes/leak-check?collection=${h.collectionSlug}`,
      ]),
    ],
    'GET /readers': ['/readers'],
    'GET /readers/:slug': ['/readers/leak-check', '/readers/draft-reader'],
  };
}

/** Public routes of the application: everything outside the workspace, but middleware. */
function registeredPublicRoutes(context: TestContext): string[] {
  const keys = new Set<string>();
  for (const route of context.app.routes) {
    if (route.path === '/admin' || route.path.startsWith('/admin/')) continue;
    if (route.method === 'ALL') continue;
    keys.add(`${route.method} ${route.path}`);
  }
  return [...keys].sort();
}

/**
 * What the request itself says: its path segments and query values. A response may repeat those
 * ("no document 970001", "results for QuokkadraftTitle"); they are removed before looking, so what
 * remains is what the archive told. A real leak shows other fields of the record too (each field has
 * its own marker), so removing the echo never hides one.
 */
function echoesOf(url: string): string[] {
  const parsed = new URL(url, 'http://archive.test');
  const parts = [
    ...parsed.pathname.split('/').flatMap((p) => [p, ...p.split('.')]),
    ...[...parsed.searchParams.values()].flatMap((v) => [v, ...v.split(':')]),
  ];
  return parts.map((p) => decodeURIComponent(p)).filter((p) => p.length >= 4);
}

/** What a withdrawn record's own notice shows: its citation (title, author, archive, reference, translator). */
const citedFields = new Set(['Title', 'Person', 'Organization', 'Archive', 'Reference', 'Credit']);

/** What a response reveals of the hidden documents. */
function leaksIn(url: string, body: string, f: Fixture): string[] {
  const found: string[] = [];
  let lower = body.toLowerCase();
  for (const echo of echoesOf(url)) lower = lower.split(echo.toLowerCase()).join(' ');
  for (const status of hiddenStatuses) {
    const { id } = f.hidden[status];
    const ownNotice = status === 'withdrawn' && new RegExp(`(?<![0-9])${id}(?![0-9])`).test(url);
    for (const field of fields) {
      if (!lower.includes(markerOf(status, field).toLowerCase())) continue;
      if (ownNotice && citedFields.has(field)) continue;
      found.push(`${status} ${field.toLowerCase()}`);
    }
    if (new RegExp(`(?<![0-9])${id}(?![0-9])`).test(lower)) {
      // OAI-PMH tells harvesters that a withdrawn record is deleted; that is its purpose there.
      const deletedInOai = status === 'withdrawn' && url.startsWith('/oai');
      if (!ownNotice && !deletedInOai) found.push(`${status} record ID`);
    }
  }
  return found;
}

describe.each(databaseKinds())('no unpublished document reaches a public surface, on %s', (kind) => {
  let context: TestContext;
  let fixture: Fixture;
  /** Surfaces that showed the soon-withdrawn document while it was published: proof the check sees. */
  const seenWhilePublished = new Set<string>();

  beforeAll(async () => {
    context = await createTestContext(kind);
    fixture = await buildFixture(context);
    // Every surface is asked once while the soon-withdrawn document is public, so that caches and
    // generated files know it; then it is withdrawn.
    for (const urls of Object.values(publicSurfaces(fixture))) {
      for (const url of urls) {
        const body = Buffer.from(await (await context.app.request(url)).arrayBuffer()).toString('utf8');
        if (leaksIn(url, body, fixture).some((leak) => leak.startsWith('withdrawn')))
          seenWhilePublished.add(url);
      }
    }
    const editor = { actor: { id: null, label: 'editor@example.org' }, ip: null, userAgent: null };
    await changeStatus(context.container.database, {
      id: fixture.hidden.withdrawn.id,
      action: 'withdraw',
      role: 'editor',
      context: editor,
      reason: 'Returned to the depositing archive for review.',
    });
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  it('knows every public route of the application (add new surfaces to publicSurfaces)', () => {
    const known = Object.keys(publicSurfaces(fixture));
    const registered = registeredPublicRoutes(context).filter((key) => key.startsWith('GET '));
    expect(
      registered.filter((key) => !known.includes(key)),
      'public routes this test does not check',
    ).toEqual([]);
    expect(
      known.filter((key) => !registered.includes(key)),
      'routes that no longer exist',
    ).toEqual([]);
  });

  it('shows no marker, file or record ID of a hidden document on any public route', async () => {
    const problems: string[] = [];
    for (const [route, urls] of Object.entries(publicSurfaces(fixture))) {
      expect(urls.length, route).toBeGreaterThan(0);
      for (const url of urls) {
        const response = await context.app.request(url);
        if (response.status >= 500) problems.push(`${url}: status ${response.status}`);
        // An address naming a hidden record or its file must not answer as if it existed.
        const named = hiddenStatuses.find((s) => new RegExp(`/${fixture.hidden[s].id}(?![0-9])`).test(url));
        if (named && !url.startsWith('/oai') && response.status < 400) {
          problems.push(`${url}: status ${response.status} for a ${named} record`);
        }
        const body = Buffer.from(await response.arrayBuffer()).toString('utf8');
        for (const leak of leaksIn(url, body, fixture)) problems.push(`${url}: ${leak}`);
      }
    }
    // The one POST surface: OAI-PMH takes its requests as forms too.
    const post = await context.app.request('/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListRecords&metadataPrefix=oai_dc',
    });
    for (const leak of leaksIn('/oai (POST)', await post.text(), fixture))
      problems.push(`POST /oai: ${leak}`);
    expect(problems).toEqual([]);
  });

  it('would have seen the withdrawn document on every kind of surface while it was published', () => {
    const w = fixture.hidden.withdrawn;
    for (const url of [
      '/',
      `/documents/${w.id}`,
      `/documents/${w.id}.ris`,
      `/api/v1/documents/${w.id}`,
      `/api/v1/documents/${fixture.publicId}/similar?limit=20`,
      '/api/v1/documents?per_page=100',
      `/api/v1/search?q=${markerOf('withdrawn', 'Transcript')}`,
      `/search?q=${markerOf('withdrawn', 'Person')}`,
      `/people/${w.authorityIds.person}`,
      '/browse/dates?year=1962',
      '/browse/places',
      '/browse/people?letter=Q',
      '/browse/subjects?letter=Q',
      `/collections/${fixture.publicCollectionSlug}`,
      `/collections/${w.collectionSlug}/feed.xml`,
      '/themes/leak-check',
      '/readers/leak-check',
      '/feed.xml',
      '/sitemaps/documents-1.xml',
      '/data/documents.jsonl',
      '/oai?verb=ListRecords&metadataPrefix=oai_dc',
      `/documents/${fixture.publicId}`,
    ]) {
      expect(seenWhilePublished.has(url), url).toBe(true);
    }
  });

  it('answers the hidden documents’ own addresses and files as if they did not exist, the withdrawn one with 410', async () => {
    for (const status of hiddenStatuses) {
      const { id, scanId } = fixture.hidden[status];
      const expected = status === 'withdrawn' ? 410 : 404;
      expect((await context.app.request(`/documents/${id}`)).status, status).toBe(expected);
      expect((await context.app.request(`/api/v1/documents/${id}`)).status, status).toBe(expected);
      expect((await context.app.request(`/documents/${id}/files/${scanId}`)).status, status).toBe(404);
    }
  });

  it('counts only published documents in collections, search facets and authority pages', async () => {
    const collection = await (
      await context.app.request(`/collections/${fixture.publicCollectionSlug}`)
    ).text();
    expect(collection).toContain('1 published document');
    const search = (await (await context.app.request('/api/v1/search?q=telegram')).json()) as {
      total: number;
      facets: Record<string, { values: { label?: string; name?: string; count: number }[] }>;
    };
    expect(search.total).toBe(1);
    const values = Object.values(search.facets).flatMap((f) => f.values ?? []);
    const publicPapers = values.find((v) => (v.label ?? v.name) === 'Public papers');
    expect(publicPapers?.count).toBe(1);
    const documents = createDocumentsRepository({ db: context.container.database.db });
    expect(await documents.countAll()).toBe(5);
    expect(
      await createAuthoritiesRepository({ db: context.container.database.db }).findBySlug(
        'collection',
        fixture.publicCollectionSlug,
      ),
    ).toBeDefined();
  });

  it('publishes a scheduled document only when its time has come, and then shows it', async () => {
    const { id } = fixture.hidden.scheduled;
    const status = async () =>
      (
        await context.container.database.db
          .selectFrom('documents')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status as DocumentStatus;
    expect(await status()).toBe('scheduled');
    await context.container.database.db
      .updateTable('documents')
      .set({ scheduled_for: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    const response = await context.app.request('/feed.xml');
    expect(await status()).toBe('published');
    expect(await response.text()).toContain(markerOf('scheduled', 'Title'));
  });
});
