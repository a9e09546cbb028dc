import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { saveFixture } from '../documents.pages.fixtures.ts';
import type { DocumentRecordInput } from '../documents.schemas.ts';
import { findSimilarDocuments } from './similar-documents.ts';

/** A record on one of the fixture's topics, its text written from that topic's words. */
const topicRecord = (n: string, title: string, text: string, extra: Partial<DocumentRecordInput> = {}) => ({
  externalId: `similar/${n}`,
  title,
  date: '1962-05-01',
  assets: [{ kind: 'translation' as const, language: 'en', html: `<p>${text}</p>` }],
  ...extra,
});

const border =
  'Residents of the Ili district crossed the border into the Soviet Union. The consulate issued passports to the ' +
  'border residents, and the frontier guards counted the crossings. Refugees, herdsmen and their livestock left ' +
  'Xinjiang through the passes.';
const grain =
  'The wheat harvest fell short and grain procurement quotas were cut. Collective farms kept seed grain, the ' +
  'ministry bought wheat abroad, and bread rationing returned to the towns.';
const nuclear =
  'Delegations discussed a treaty banning nuclear weapon tests in the atmosphere, with inspections and seismic ' +
  'stations to detect underground explosions.';

describe.each(databaseKinds())('similar and related documents on %s', (kind) => {
  let context: TestContext;
  const ids: Record<string, number> = {};
  const similarIds = async (id: number) =>
    (await findSimilarDocuments(context.container.database, id, { limit: 10 })).map((d) => d.id);

  beforeAll(async () => {
    context = await createTestContext(kind);
    const save = async (key: string, record: DocumentRecordInput) => {
      ids[key] = await saveFixture(context, record);
    };
    await save(
      'border1',
      topicRecord('border1', 'Border residents crossing from Ili into the Soviet Union', border, {
        subjects: ['Illegal border crossings'],
        places: ['Ili'],
        agents: [{ name: 'Huang Zhen', role: 'author' }],
      }),
    );
    await save(
      'border2',
      topicRecord('border2', 'Report on refugees crossing the Xinjiang border', `${border} More passports.`, {
        subjects: ['Illegal border crossings'],
        places: ['Ili'],
      }),
    );
    await save('border3', topicRecord('border3', 'Frontier guards on the Ili crossings', border));
    await save(
      'grain1',
      topicRecord('grain1', 'Grain procurement and the wheat harvest', grain, {
        subjects: ['Food supply'],
        related: [{ externalId: 'similar/border1' }],
      }),
    );
    await save(
      'grain2',
      topicRecord('grain2', 'Wheat purchases abroad after the poor harvest', grain, {
        subjects: ['Food supply'],
      }),
    );
    await save('grain3', topicRecord('grain3', 'Bread rationing and seed grain on collective farms', grain));
    await save('nuclear', topicRecord('nuclear', 'Talks on a nuclear test ban treaty', nuclear));
    await save(
      'draft',
      topicRecord('draft', 'Draft: border residents crossing from Ili', `${border} ${border}`, {
        status: 'draft',
        subjects: ['Illegal border crossings'],
        places: ['Ili'],
      }),
    );
    await save(
      'border4',
      topicRecord('border4', 'Livestock driven across the Ili passes', border, {
        related: [{ externalId: 'similar/draft' }],
      }),
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('ranks documents on the same topic above unrelated ones, never the document itself', async () => {
    const forBorder = await similarIds(ids.border1!);
    expect(forBorder).not.toContain(ids.border1);
    expect(forBorder.slice(0, 3).sort()).toEqual([ids.border2, ids.border3, ids.border4].sort());
    for (const other of [ids.grain1, ids.grain2, ids.grain3, ids.nuclear]) {
      const position = forBorder.indexOf(other!);
      if (position >= 0) expect(position).toBeGreaterThan(2);
    }
    const forGrain = await similarIds(ids.grain2!);
    expect(forGrain.slice(0, 2).sort()).toEqual([ids.grain1, ids.grain3].sort());
    expect(forGrain).not.toContain(ids.nuclear);
  });

  it('weighs shared people, places and subjects: the documents sharing them come first', async () => {
    const forBorder = await findSimilarDocuments(context.container.database, ids.border1!, { limit: 3 });
    expect(forBorder[0]!.id).toBe(ids.border2);
    expect(forBorder[0]!.score).toBeGreaterThan(forBorder[1]!.score);
    expect(forBorder[0]!.score).toBeLessThanOrEqual(1);
  });

  it('never shows an unpublished document, until it is published (the cache follows the content version)', async () => {
    expect(await similarIds(ids.border1!)).not.toContain(ids.draft);
    expect(await similarIds(ids.draft!)).toEqual([]);
    const page = await (await context.app.request(`/documents/${ids.border4}`)).text();
    expect(page).not.toContain('Draft: border residents');

    await saveFixture(
      context,
      topicRecord('draft', 'Draft: border residents crossing from Ili', `${border} ${border}`, {
        status: 'published',
        subjects: ['Illegal border crossings'],
        places: ['Ili'],
      }),
    );
    expect(await similarIds(ids.border1!)).toContain(ids.draft);
  });

  it('shows editors’ links on both documents, saying which way each was made', async () => {
    const grainPage = await (await context.app.request(`/documents/${ids.grain1}`)).text();
    expect(grainPage).toMatch(
      new RegExp(
        `<a href="/documents/${ids.border1}">Border residents crossing[^<]*</a>.*?Linked from this record by the editors`,
        's',
      ),
    );
    const borderPage = await (await context.app.request(`/documents/${ids.border1}`)).text();
    expect(borderPage).toMatch(
      new RegExp(`<a href="/documents/${ids.grain1}">Grain procurement[^<]*</a>.*?Links to this record`, 's'),
    );
    expect(borderPage).toContain('<h3 id="similar-heading">Similar documents</h3>');
    expect(borderPage).toMatch(
      new RegExp(
        `<ol aria-labelledby="similar-heading"><li class="related-documents__item"><a href="/documents/${ids.border2}">`,
      ),
    );
  });

  it('answers GET /api/v1/documents/{id}/similar for published documents, and refuses the rest', async () => {
    const response = await context.app.request(`/api/v1/documents/${ids.border1}/similar?limit=2`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      document: number;
      related: { id: number; direction: string; url: string }[];
      similar: { id: number; score: number; url: string }[];
    };
    expect(body.document).toBe(ids.border1);
    expect(body.related).toEqual([
      expect.objectContaining({
        id: ids.grain1,
        direction: 'to-here',
        url: `http://archive.test/documents/${ids.grain1}`,
      }),
    ]);
    expect(body.similar).toHaveLength(2);
    expect(body.similar[0]!.id).toBe(ids.border2);

    for (const [path, status] of [
      [`/api/v1/documents/${ids.border1}/similar?limit=abc`, 400],
      [`/api/v1/documents/${ids.border1}/similar?limit=0`, 400],
      [`/api/v1/documents/${ids.border1}/similar?limit=1000`, 400],
      ['/api/v1/documents/999999/similar', 404],
      ['/api/v1/documents/abc/similar', 404],
      ['/api/v1/documents/-1/similar', 404],
    ] as const) {
      expect((await context.app.request(path)).status, path).toBe(status);
    }
  });
});
