import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { asset } from './search.fixtures.ts';
import { parseSearchParameters, type QueryParameters } from './search.schemas.ts';
import { searchDocuments } from './search.usecases.ts';

/**
 * Ranking and fallback rules that the judged query set (`npm run eval:search`) showed were needed,
 * each on a tiny archive of its own, on every database.
 */

const paragraphs = (texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');

/** About 8,000 characters of talk about nothing in particular: one text chunk of a long transcript. */
const filler = (n: number) =>
  Array.from(
    { length: 60 },
    (_, i) => `Item ${n}.${i}: the committee discussed the budget, the staff and the schedule of volumes.`,
  ).join(' ');

describe.each(databaseKinds())('search ranking and fallbacks on %s', (kind) => {
  let context: TestContext;
  const ids: Record<string, number> = {};
  const deps = () => ({ db: context.container.database.db, dialect: context.container.database.dialect });
  const save = async (key: string, record: Record<string, unknown>, text: string) => {
    const parsed = documentRecordSchema.parse({
      externalId: `relevance/${key}`,
      languages: ['en'],
      ...record,
    });
    ids[key] = (await saveDocument(deps(), parsed, [asset('transcript', 'en', text)])).id;
  };
  const search = async (params: QueryParameters) => {
    const { request, problems } = parseSearchParameters({ facets: ['0'], ...params });
    expect(problems).toEqual([]);
    return searchDocuments(deps(), request);
  };
  const keys = (hits: { id: number }[]) =>
    hits.map((hit) => Object.keys(ids).find((key) => ids[key] === hit.id) ?? `#${hit.id}`);

  beforeAll(async () => {
    context = await createTestContext(kind);
    // A long committee transcript: each of its twelve chunks mentions inspections once, in passing.
    await save(
      'transcript',
      { title: 'Transcript of the annual meeting', date: '1962-11-01' },
      paragraphs(
        Array.from({ length: 12 }, (_, n) => `${filler(n)} Inspections were mentioned. ${filler(n + 100)}`),
      ),
    );
    await save(
      'letter',
      { title: 'Letter on the test ban', date: '1962-12-19' },
      paragraphs([
        'We could accept two or three inspections a year.',
        'The inspections would be on our territory.',
      ]),
    );
    // A rare word (a dog's name, in one letter) near a common one that is two edits away.
    await save(
      'puppy',
      { title: 'Letter of thanks', date: '1961-06-21' },
      paragraphs(['Pushinka arrived safely.']),
    );
    for (let n = 0; n < 11; n++) {
      await save(
        `pushing-${n}`,
        { title: `Minutes ${n}`, date: '1963-03-01' },
        paragraphs([`They were pushing for an agreement.${n === 0 ? ' A dog barked outside.' : ''}`]),
      );
    }
    // A memorandum written in 1964 about a journey of 1959; the archive also holds a 1959 record.
    await save(
      'helsinki',
      { title: 'Memorandum on a stay in Finland', date: '1964-06-01' },
      paragraphs(['He stayed in Helsinki in October 1959.']),
    );
    // A code name in a report that lacks the common words a reader adds to it.
    await save(
      'codename',
      { title: 'Report', date: '1963-05-01' },
      paragraphs(['AMTRUNK met the Cuban exiles.']),
    );
    await save(
      'three',
      { title: 'Note', date: '1963-05-02' },
      paragraphs(['A Cuban intelligence defector spoke.']),
    );
    await save(
      'other-1959',
      { title: 'Telegram', date: '1959-10-20' },
      paragraphs(['Nothing about that city.']),
    );
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  it('ranks a short letter about the words above a long transcript that mentions them in passing in every chunk', async () => {
    const result = await search({ q: ['inspections'] });
    expect(keys(result.hits)).toEqual(['letter', 'transcript']);
  });

  it('lists documents with two words of a long query when too few have most of them, best covered first', async () => {
    const result = await search({ q: ['AMTRUNK Cuban intelligence officer defector'] });
    expect(result.relaxed).toBe(true);
    expect(keys(result.hits)).toEqual(['three', 'codename']);
    expect(result.hits[1]!.missing.sort()).toEqual(['defector', 'intelligence', 'officer']);
  });

  it('keeps a rare word that is in the index instead of replacing it by a commoner spelling', async () => {
    const result = await search({ q: ['Pushinka dog'] });
    expect(result.correctedFrom).toBeNull();
    expect(result.didYouMean).toBe('Pushing dog');
    expect(keys(result.hits)[0]).toBe('puppy');
    expect(result.relaxed).toBe(true);
  });

  it('still replaces a word no document holds when the corrected query finds documents', async () => {
    const result = await search({ q: ['Pushinke'] });
    expect(result.correctedFrom).toBe('Pushinke');
    expect(keys(result.hits)).toEqual(['puppy']);
  });

  it('searches the words at any date when a year in the query leaves nothing, and says so', async () => {
    const result = await search({ q: ['Helsinki 1959'] });
    expect(keys(result.hits)).toEqual(['helsinki']);
    const codes = result.notices.map((notice) => notice.code);
    expect(codes).toContain('search.date_ignored');
    expect(codes).not.toContain('search.date_in_query');
    expect(result.dates.from).toBeNull();
  });

  it('keeps the year as a date filter when documents of that year match', async () => {
    const result = await search({ q: ['Helsinki 1964'] });
    expect(keys(result.hits)).toEqual(['helsinki']);
    expect(result.notices.map((notice) => notice.code)).toContain('search.date_in_query');
    expect((await search({ q: ['Telegram 1959'] })).hits).toHaveLength(1);
  });

  it('never drops a date filter given as a parameter', async () => {
    const result = await search({ q: ['Helsinki 1959'], from: ['1959'], to: ['1959'] });
    expect(result.total).toBe(0);
    expect(result.notices.map((notice) => notice.code)).not.toContain('search.date_ignored');
  });
});
