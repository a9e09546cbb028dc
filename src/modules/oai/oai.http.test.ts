import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { oaiRoutes } from './oai.routes.ts';
import { validateOai } from './oai.test-support.ts';

const ns = 'oai:archive.test:';

describe.each(databaseKinds())('the OAI-PMH endpoint (%s)', (kind) => {
  let context: TestContext;
  let smallPages: Hono;
  const ids: Record<string, number> = {};

  const save = async (key: string, record: DocumentRecordInput) => {
    const { id } = await saveDocument(context.container.database, documentRecordSchema.parse(record), []);
    ids[key] = id;
  };

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_ADMIN_EMAIL: 'archivist@archive.test' });
    smallPages = new Hono().route(
      '/oai',
      oaiRoutes(context.container, { identifiersPerPage: 2, recordsPerPage: 2 }),
    );
    await save('talk', {
      externalId: 'oai/talk',
      title: 'Record of conversation between Vice Foreign Minister Zhang Hanfu and the Soviet chargé',
      summary: 'Talk on the border <question> & trade',
      date: '1962-08-09',
      type: 'memorandum of conversation',
      languages: ['zh'],
      agents: [{ name: 'Zhang Hanfu', role: 'author' }],
      credits: [{ role: 'translator', name: 'David Cowhig' }],
      subjects: ['Sino-Soviet relations'],
      places: ['Beijing'],
      repository: 'PRC Foreign Ministry Archive',
      archivalReference: '109-03795-01',
      rights: 'Public domain',
      collections: [{ name: 'Sino-Soviet split', parent: 'Cold War' }],
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
    for (let n = 1; n <= 4; n++) {
      await save(`cable${n}`, {
        externalId: `oai/cable/${n}`,
        title: `Cable ${n}`,
        collections: n % 2 === 0 ? ['Cold War'] : [],
        updatedAt: `2026-01-0${n + 5}T12:30:00.000Z`,
      });
    }
    await save('draft', {
      externalId: 'oai/draft',
      title: 'Unpublished draft',
      status: 'draft',
      collections: ['Cold War', 'Secret operations'],
    });
    await save('withdrawn', {
      externalId: 'oai/withdrawn',
      title: 'Will be withdrawn',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    await save('withdrawn', {
      externalId: 'oai/withdrawn',
      title: 'Will be withdrawn',
      status: 'withdrawn',
      withdrawalReason: 'Still classified',
      updatedAt: '2026-01-20T08:00:00.000Z',
    });
  });
  afterAll(async () => {
    await context.dispose();
  });

  const fetchXml = async (
    query: string,
    app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> } = context.app,
  ) => {
    const response = await app.request(query.startsWith('/') ? query : `/oai?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await response.text();
    const validation = validateOai(xml);
    expect(validation.output, xml).toBe('');
    expect(validation.valid).toBe(true);
    return xml;
  };
  const errorCodes = (xml: string) => [...xml.matchAll(/<error code="(\w+)"/g)].map((m) => m[1]);
  const identifiersIn = (xml: string) =>
    [...xml.matchAll(/<identifier>([^<]+)<\/identifier>/g)].map((m) => m[1] ?? '');
  const tokenIn = (xml: string) => /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/.exec(xml)?.[1];

  it('identifies the repository with persistent deletions, seconds granularity and an oai-identifier', async () => {
    const xml = await fetchXml('verb=Identify');
    expect(xml).toContain('<baseURL>http://archive.test/oai</baseURL>');
    expect(xml).toContain('<protocolVersion>2.0</protocolVersion>');
    expect(xml).toContain('<adminEmail>archivist@archive.test</adminEmail>');
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(xml).toContain('<earliestDatestamp>2026-01-05T10:00:00Z</earliestDatestamp>');
    expect(xml).toContain('<repositoryIdentifier>archive.test</repositoryIdentifier>');
  });

  it('answers POST requests like GET requests', async () => {
    const response = await context.app.request('/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListMetadataFormats',
    });
    const xml = await response.text();
    expect(validateOai(xml).valid).toBe(true);
    expect(xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
  });

  it('lists metadata formats, for the repository and for one record', async () => {
    expect(await fetchXml('verb=ListMetadataFormats')).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(await fetchXml(`verb=ListMetadataFormats&identifier=${ns}${ids.talk}`)).toContain('oai_dc');
  });

  it('lists collections as hierarchical sets', async () => {
    const xml = await fetchXml('verb=ListSets');
    const specs = [...xml.matchAll(/<setSpec>([^<]+)<\/setSpec>/g)].map((m) => m[1]);
    expect(specs).toEqual(['collection', 'collection:cold-war', 'collection:cold-war:sino-soviet-split']);
    expect(xml).toContain('<setName>Sino-Soviet split</setName>');
    expect(xml).not.toContain('Secret operations');
  });

  it('maps a published record to Dublin Core, escaping its text', async () => {
    const xml = await fetchXml(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ns}${ids.talk}`);
    expect(xml).toContain('<datestamp>2026-01-05T10:00:00Z</datestamp>');
    expect(xml).toContain('<setSpec>collection:cold-war:sino-soviet-split</setSpec>');
    expect(xml).toContain('<setSpec>collection:cold-war</setSpec>');
    expect(xml).toContain('<dc:creator>Zhang Hanfu</dc:creator>');
    expect(xml).toContain('<dc:contributor>David Cowhig (translator)</dc:contributor>');
    expect(xml).toContain('<dc:description>Talk on the border &lt;question&gt; &amp; trade</dc:description>');
    expect(xml).toContain('<dc:date>1962-08-09</dc:date>');
    expect(xml).toContain('<dc:language>zh</dc:language>');
    expect(xml).toContain('<dc:coverage>Beijing</dc:coverage>');
    expect(xml).toContain('<dc:source>PRC Foreign Ministry Archive, 109-03795-01</dc:source>');
    expect(xml).toContain(`<dc:identifier>http://archive.test/documents/${ids.talk}</dc:identifier>`);
    expect(xml).toContain('<dc:rights>Public domain</dc:rights>');
  });

  it('reports a withdrawn record as deleted, without metadata, and never shows a draft', async () => {
    const deleted = await fetchXml(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ns}${ids.withdrawn}`);
    expect(deleted).toContain('<header status="deleted">');
    expect(deleted).toContain('<datestamp>2026-01-20T08:00:00Z</datestamp>');
    expect(deleted).not.toContain('<metadata>');
    expect(deleted).not.toContain('Still classified');

    const draft = await fetchXml(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ns}${ids.draft}`);
    expect(errorCodes(draft)).toEqual(['idDoesNotExist']);
    const all = await fetchXml('verb=ListRecords&metadataPrefix=oai_dc');
    expect(all).not.toContain('Unpublished draft');
    expect(identifiersIn(all)).not.toContain(`${ns}${ids.draft}`);
  });

  it('lists every published and deleted record in datestamp order', async () => {
    const xml = await fetchXml('verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(identifiersIn(xml)).toEqual(
      ['talk', 'cable1', 'cable2', 'cable3', 'cable4', 'withdrawn'].map((key) => `${ns}${ids[key]}`),
    );
    expect(xml).not.toContain('resumptionToken');
  });

  it('filters by from and until in both granularities, inclusively', async () => {
    const days = await fetchXml(
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-06&until=2026-01-07',
    );
    expect(identifiersIn(days)).toEqual([`${ns}${ids.cable1}`, `${ns}${ids.cable2}`]);
    const seconds = await fetchXml(
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-06T12:30:00Z&until=2026-01-06T12:30:00Z',
    );
    expect(identifiersIn(seconds)).toEqual([`${ns}${ids.cable1}`]);
  });

  it('filters by set, including records of nested collections', async () => {
    const xml = await fetchXml('verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:cold-war');
    expect(identifiersIn(xml).sort()).toEqual(
      [ids.talk, ids.cable2, ids.cable4].map((id) => `${ns}${id}`).sort(),
    );
    const child = await fetchXml(
      'verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:cold-war:sino-soviet-split',
    );
    expect(identifiersIn(child)).toEqual([`${ns}${ids.talk}`]);
  });

  it.each(['ListIdentifiers', 'ListRecords'])(
    'pages %s with stateless resumption tokens to the end',
    async (verb) => {
      const seen: string[] = [];
      let xml = await fetchXml(`/oai?verb=${verb}&metadataPrefix=oai_dc`, smallPages);
      expect(xml).toMatch(/<resumptionToken completeListSize="6" cursor="0" expirationDate="[^"]+Z">/);
      for (let round = 0; round < 10; round++) {
        seen.push(...identifiersIn(xml).filter((id) => id.startsWith(ns)));
        const token = tokenIn(xml);
        if (!token) break;
        xml = await fetchXml(`/oai?verb=${verb}&resumptionToken=${encodeURIComponent(token)}`, smallPages);
      }
      expect(xml).toContain('<resumptionToken completeListSize="6" cursor="4"/>');
      expect(new Set(seen).size).toBe(6);
    },
  );

  it('refuses a tampered, foreign or expired resumption token', async () => {
    const first = await fetchXml('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc', smallPages);
    const token = tokenIn(first)!;
    const expired = new Hono().route(
      '/oai',
      oaiRoutes(context.container, {
        identifiersPerPage: 2,
        now: () => new Date(Date.now() + 3 * 86_400_000),
      }),
    );
    for (const [bad, app] of [
      ['garbage!', smallPages],
      [token.slice(0, -6), smallPages],
      [Buffer.from('{"v":1}').toString('base64url'), smallPages],
      [token, expired],
    ] as const) {
      const xml = await fetchXml(`/oai?verb=ListIdentifiers&resumptionToken=${encodeURIComponent(bad)}`, app);
      expect(errorCodes(xml)).toEqual(['badResumptionToken']);
    }
    const wrongVerb = await fetchXml(
      `/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`,
      smallPages,
    );
    expect(errorCodes(wrongVerb)).toEqual(['badResumptionToken']);
    const sets = await fetchXml(`verb=ListSets&resumptionToken=${encodeURIComponent(token)}`);
    expect(errorCodes(sets)).toEqual(['badResumptionToken']);
  });

  it.each([
    ['', 'badVerb'],
    ['verb=Frobnicate', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=Identify&extra=1', 'badArgument'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-13-01', 'badArgument'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01T00:00:00.5Z', 'badArgument'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-02T00:00:00Z', 'badArgument'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01', 'badArgument'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:archive.test:1', 'badArgument'],
    ['verb=ListSets&set=collection', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=mods', 'cannotDisseminateFormat'],
    ['verb=ListRecords&metadataPrefix=not%20a%20prefix', 'cannotDisseminateFormat'],
    ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:999999', 'idDoesNotExist'],
    ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:1', 'idDoesNotExist'],
    ['verb=GetRecord&metadataPrefix=oai_dc&identifier=%3Cscript%3E', 'idDoesNotExist'],
    ['verb=ListMetadataFormats&identifier=oai:archive.test:0', 'idDoesNotExist'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2030-01-01', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:nowhere', 'noRecordsMatch'],
    ['verb=ListRecords&metadataPrefix=oai_dc&set=bad%20set%20%3C%3E', 'noRecordsMatch'],
  ])('answers %s with the %s error, valid against the schema', async (query, code) => {
    const xml = await fetchXml(`/oai?${query}`);
    expect(errorCodes(xml)).toContain(code);
    if (code === 'badVerb' || code === 'badArgument') expect(xml).toMatch(/<request>[^<]+<\/request>/);
  });

  it('refuses a POST that is not a form', async () => {
    const response = await context.app.request('/oai', {
      method: 'POST',
      body: '{"verb":"Identify"}',
      headers: { 'content-type': 'application/json' },
    });
    const xml = await response.text();
    expect(validateOai(xml).valid).toBe(true);
    expect(errorCodes(xml)).toEqual(['badArgument']);
  });
});

describe('an OAI-PMH endpoint of an archive without collections', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => {
    await context.dispose();
  });

  it.each([
    ['verb=ListSets', 'noSetHierarchy'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection', 'noSetHierarchy'],
    ['verb=ListRecords&metadataPrefix=oai_dc', 'noRecordsMatch'],
  ])('answers %s with %s', async (query, code) => {
    const xml = await (await context.app.request(`/oai?${query}`)).text();
    expect(validateOai(xml)).toEqual({ valid: true, output: '' });
    expect(xml).toContain(`<error code="${code}">`);
  });

  it('still identifies itself validly while empty', async () => {
    const xml = await (await context.app.request('/oai?verb=Identify')).text();
    expect(validateOai(xml)).toEqual({ valid: true, output: '' });
    expect(xml).toContain('<adminEmail>webmaster@archive.test</adminEmail>');
  });
});
