import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type DatabaseKind, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { ANALYZER_VERSION } from './analyzer/index.ts';
import { contractCorpus } from './search.fixtures.ts';
import { readIndexStatus, reindexAll, syncSearchIndex } from './search.indexer.ts';
import { INDEX_FORMAT_VERSION } from './search.parts.ts';
import { parseSearchParameters, type QueryParameters } from './search.schemas.ts';
import { suggestNames } from './search.suggest.ts';
import { type SearchResult, searchDocuments } from './search.usecases.ts';

/**
 * The contract every search provider passes: the same corpus and the same expected answers on each
 * database, so SQLite FTS5 and PostgreSQL find the same documents, count the same facets and order
 * them alike where the order is meant (title above full text; the sorts). The corpus is small and
 * written for the cases a reader of Chinese, Russian and English documents relies on.
 */

/** Defines the contract suite for the provider of one database kind. */
export function describeSearchContract(kind: DatabaseKind): void {
  describe(`the search contract on ${kind}`, () => {
    let context: TestContext;
    const id: Record<string, number> = {};
    const deps = () => ({ db: context.container.database.db, dialect: context.container.database.dialect });

    beforeAll(async () => {
      context = await createTestContext(kind);
      for (const [index, fixture] of contractCorpus.entries()) {
        const publishedAt = `2026-01-0${index + 1}T00:00:00.000Z`;
        const record = documentRecordSchema.parse({
          ...fixture.record,
          externalId: `contract/${fixture.key}`,
          publishedAt,
        });
        id[fixture.key] = (await saveDocument(deps(), record, fixture.assets)).id;
      }
      const withdrawn = contractCorpus.find((f) => f.key === 'withdrawn')!;
      await saveDocument(
        deps(),
        documentRecordSchema.parse({
          ...withdrawn.record,
          externalId: 'contract/withdrawn',
          status: 'withdrawn',
          withdrawalReason: 'Rights unclear',
        }),
        [],
      );
    });
    afterAll(async () => {
      await context?.dispose();
    });

    const search = async (params: QueryParameters): Promise<SearchResult> => {
      const { request, problems } = parseSearchParameters(params);
      expect(problems).toEqual([]);
      return searchDocuments(deps(), request);
    };
    const keysOf = (result: SearchResult) =>
      result.hits.map((hit) => Object.keys(id).find((key) => id[key] === hit.id) ?? `#${hit.id}`);
    /** The documents a query finds, in no particular order. */
    const found = async (q: string, params: QueryParameters = {}) =>
      keysOf(await search({ q: [q], ...params })).sort();
    const facet = (result: SearchResult, name: string) => result.facets.find((f) => f.name === name)!;
    const counts = (result: SearchResult, name: string) =>
      Object.fromEntries(facet(result, name).values.map((v) => [v.label, v.count]));

    describe('matching', () => {
      it('finds 霍尔果斯 in Chinese text and in OCR text spaced character by character', async () => {
        expect(await found('霍尔果斯')).toEqual(['refugees', 'zhang']);
        expect(await found('霍 尔 果 斯')).toEqual(['refugees', 'zhang']);
      });

      it('matches Russian words in any inflection', async () => {
        expect(await found('переговоры')).toEqual(['khrushchev']);
        expect(await found('Хрущева')).toEqual(['khrushchev']);
        expect(await found('границу')).toEqual(['khrushchev']);
      });

      it('matches English words by their stem', async () => {
        expect(await found('negotiating')).toEqual(['cuba', 'khrushchev', 'reischauer', 'zhang']);
        expect(await found('reports')).toEqual(['refugees', 'reischauer']);
      });

      it('matches a quoted phrase in order and unstemmed', async () => {
        expect(await found('"border crossing"')).toEqual(['zhang']);
        expect(await found('"crossing border"')).toEqual([]);
        expect(await found('"negotiating"')).toEqual([]);
        expect(await found('"negotiations"')).toEqual(['cuba', 'khrushchev', 'reischauer', 'zhang']);
      });

      it('finds documents with either word around OR', async () => {
        expect(await found('Reischauer OR Mesyatsev')).toEqual(['khrushchev', 'reischauer', 'zhang']);
        expect(await found('Khorgos Reischauer OR Mesyatsev')).toEqual(['zhang']);
      });

      it('leaves out documents with a word after a minus sign', async () => {
        expect(await found('negotiations -Khrushchev')).toEqual(['cuba', 'reischauer', 'zhang']);
        expect(await found('negotiations -"Caribbean"')).toEqual(['khrushchev', 'reischauer', 'zhang']);
        expect(await found('-negotiations')).toEqual(['politburo', 'refugees']);
      });

      it('matches word beginnings with a trailing star', async () => {
        expect(await found('Reisch*')).toEqual(['reischauer']);
        expect(await found('перегов*')).toEqual(['khrushchev']);
      });

      it('restricts a word to one part of the record with a field prefix', async () => {
        expect(await found('Khorgos')).toEqual(['refugees', 'zhang']);
        expect(await found('title:Khorgos')).toEqual(['refugees']);
        expect(await found('Mesyatsev')).toEqual(['khrushchev', 'zhang']);
        expect(await found('person:Mesyatsev')).toEqual(['zhang']);
        expect(await found('person:Месяцев')).toEqual(['zhang']);
        expect(await found('subject:trade')).toEqual(['reischauer']);
        expect(await found('title:"missile crisis"')).toEqual(['cuba']);
      });

      it('finds places and collections through the narrower ones they hold', async () => {
        expect(await found('place:China')).toEqual(['politburo', 'refugees', 'zhang']);
        expect(await found('place:新疆')).toEqual(['politburo', 'zhang']);
        expect(await found('collection:"Sino-Soviet Relations"')).toEqual(['politburo', 'zhang']);
      });

      it('finds an archival reference typed whole, with or without ref:', async () => {
        expect(await found('ref:118-01767-01')).toEqual(['zhang']);
        expect(await found('118-01767-01')).toEqual(['zhang']);
        expect(await found('ref:01767')).toEqual(['zhang']);
      });

      it('reads years, months and ranges in the query as date filters', async () => {
        expect(await found('1962')).toEqual(['politburo', 'refugees', 'zhang']);
        expect(await found('1962-08')).toEqual(['zhang']);
        expect(await found('1961..1963')).toEqual(['khrushchev', 'politburo', 'refugees', 'zhang']);
        expect(await found('..1962-06')).toEqual(['politburo', 'refugees']);
        expect(await found('Khorgos 1962')).toEqual(['refugees', 'zhang']);
        expect(await found('"1962"')).toEqual([]);
      });

      it('ranks a match in the title above a match in the full text', async () => {
        expect(keysOf(await search({ q: ['Khorgos'] }))).toEqual(['refugees', 'zhang']);
        expect(keysOf(await search({ q: ['Mesyatsev'] }))).toEqual(['zhang', 'khrushchev']);
      });
    });

    describe('facets and filters', () => {
      it('counts every facet value of the published documents when browsing', async () => {
        const result = await search({});
        expect(result.total).toBe(6);
        expect(counts(result, 'language')).toEqual({ Chinese: 2, Russian: 2, English: 2 });
        expect(counts(result, 'type')).toEqual({
          minutes: 2,
          report: 1,
          memorandum: 1,
          telegram: 1,
          notes: 1,
        });
        expect(counts(result, 'translation')).toEqual({ English: 2, Chinese: 1 });
        expect(result.dates.histogram).toEqual([
          { year: 1962, count: 3 },
          { year: 1963, count: 1 },
          { year: 1964, count: 1 },
        ]);
        expect(result.dates.undated).toBe(1);
      });

      it('combines values of one facet with OR and different facets with AND', async () => {
        expect(await found('', { language: ['zh', 'ru'] })).toEqual([
          'khrushchev',
          'politburo',
          'refugees',
          'zhang',
        ]);
        expect(await found('', { language: ['zh'], type: ['minutes'] })).toEqual(['zhang']);
        expect(await found('negotiations', { language: ['en'] })).toEqual(['cuba', 'reischauer']);
      });

      it("counts a facet's values ignoring its own selection, and the other facets' values within it", async () => {
        const result = await search({ language: ['zh'] });
        expect(counts(result, 'language')).toEqual({ Chinese: 2, Russian: 2, English: 2 });
        expect(facet(result, 'language').values.find((v) => v.value === 'zh')?.selected).toBe(true);
        expect(counts(result, 'type')).toEqual({ minutes: 1, report: 1 });
      });

      it('includes narrower places in a broader one, counting each document once', async () => {
        const china = await search({ q: ['place:China'] });
        const chinaId = facet(china, 'place').values.find((v) => v.label === 'China')!.value;
        const result = await search({ place: [chinaId] });
        expect(keysOf(result).sort()).toEqual(['politburo', 'refugees', 'zhang']);
        const places = facet(await search({}), 'place');
        const root = places.values.find((v) => v.label === 'China')!;
        expect(root.count).toBe(3);
        expect(root.children?.map((c) => [c.label, c.count])).toEqual([['Xinjiang', 2]]);
        expect(places.values.map((v) => v.label).sort()).toEqual(['China', 'Japan', 'Moscow']);
      });

      it('includes narrower collections, selected by record ID or by slug', async () => {
        expect(await found('', { collection: ['sino-soviet-relations'] })).toEqual(['politburo', 'zhang']);
        const tree = facet(await search({}), 'collection');
        expect(tree.values.map((v) => [v.label, v.count, v.children?.map((c) => c.label)])).toEqual([
          ['Sino-Soviet Relations', 2, ['Sino-Soviet Border']],
        ]);
      });

      it('filters by date span overlap, with a histogram that ignores the date filter', async () => {
        const result = await search({ from: ['1962'], to: ['1962'] });
        expect(keysOf(result).sort()).toEqual(['politburo', 'refugees', 'zhang']);
        expect(result.dates.histogram.map((h) => h.year)).toEqual([1962, 1963, 1964]);
        expect(result.dates.from).toBe('1962-01-01');
        expect(await found('', { from: ['1963-07'] })).toEqual(['khrushchev', 'reischauer']);
      });
    });

    describe('sorting', () => {
      it('sorts by date either way with undated documents last, by title and by recently added', async () => {
        const order = async (sort: string) => keysOf(await search({ sort: [sort] }));
        expect(await order('date-asc')).toEqual([
          'politburo',
          'refugees',
          'zhang',
          'khrushchev',
          'reischauer',
          'cuba',
        ]);
        expect(await order('date-desc')).toEqual([
          'reischauer',
          'khrushchev',
          'zhang',
          'refugees',
          'politburo',
          'cuba',
        ]);
        expect(await order('title')).toEqual([
          'politburo',
          'cuba',
          'zhang',
          'refugees',
          'reischauer',
          'khrushchev',
        ]);
        expect(await order('added')).toEqual([
          'politburo',
          'cuba',
          'reischauer',
          'khrushchev',
          'refugees',
          'zhang',
        ]);
      });
    });

    describe('relaxed matching and spelling', () => {
      it('lists documents with most of the words when none has them all, saying which words they lack', async () => {
        const result = await search({ q: ['Khorgos Reischauer negotiations'] });
        expect(result.relaxed).toBe(true);
        expect(result.exactTotal).toBe(0);
        expect(keysOf(result).sort()).toEqual(['reischauer', 'zhang']);
        expect(result.dropped.sort()).toEqual(['Khorgos', 'Reischauer']);
        expect(result.hits.find((h) => h.id === id.zhang)?.missing).toEqual(['Reischauer']);
        expect(result.notices.map((n) => n.code)).toContain('search.relaxed');
      });

      it('puts documents with every word before those with some', async () => {
        const result = await search({ q: ['Khorgos negotiations'] });
        expect(result.relaxed).toBe(true);
        expect(result.exactTotal).toBe(1);
        expect(keysOf(result)[0]).toBe('zhang');
        expect(result.hits[0]!.missing).toEqual([]);
      });

      it('does not relax a query whose documents have every word', async () => {
        const result = await search({ q: ['Khorgos'] });
        expect(result.relaxed).toBe(false);
        expect(result.dropped).toEqual([]);
      });

      it('finds the documents of a name misspelt by a letter or two', async () => {
        const result = await search({ q: ['Reishauer'] });
        expect(keysOf(result)).toEqual(['reischauer']);
        expect(result.correctedFrom).toBe('Reishauer');
        expect(result.query).toBe('Reischauer');
        expect(await found('Mesyastev')).toEqual(['khrushchev', 'zhang']);
        // Russian stems already join Месяцов and Месяцев; no correction is needed.
        expect(await found('Месяцов')).toEqual(['zhang']);
      });

      it('offers "did you mean" instead when asked to search verbatim', async () => {
        const result = await search({ q: ['Reishauer telegram'], verbatim: ['1'] });
        expect(result.total).toBeGreaterThan(0);
        expect(result.didYouMean).toBe('Reischauer telegram');
        expect(result.correctedFrom).toBeNull();
      });
    });

    describe('unpublished records', () => {
      it('never finds, counts or suggests drafts and withdrawn documents', async () => {
        expect(await found('unicornword')).toEqual([]);
        expect(await found('walrusword')).toEqual([]);
        expect(await found('Khorgos')).not.toContain('draft');
        const all = await search({});
        expect(all.total).toBe(6);
        expect(counts(all, 'type')).not.toHaveProperty('secretdrafttype');
        expect(counts(all, 'type')).not.toHaveProperty('walrustype');
        expect(counts(all, 'language')).not.toHaveProperty('French');
        expect(counts(all, 'subject')).not.toHaveProperty('Hidden subject');
        expect(counts(all, 'subject')).not.toHaveProperty('Walruses');
        expect(await suggestNames(deps(), 'zzyzx')).toEqual([]);
        expect(await suggestNames(deps(), 'hidden')).toEqual([]);
        expect(await suggestNames(deps(), 'walrus')).toEqual([]);
      });

      it('never offers a word of an unpublished document as a spelling correction', async () => {
        for (const q of ['unicornwrd', 'walruswrd']) {
          const result = await search({ q: [q] });
          expect(result.total).toBe(0);
          expect(result.didYouMean).toBeNull();
          expect(result.correctedFrom).toBeNull();
        }
      });

      it('removes a document at once when it is withdrawn and brings it back when republished', async () => {
        const fixture = contractCorpus.find((f) => f.key === 'cuba')!;
        const save = (status: 'published' | 'withdrawn' | 'draft') =>
          saveDocument(
            deps(),
            documentRecordSchema.parse({
              ...fixture.record,
              externalId: 'contract/cuba',
              status,
              publishedAt: '2026-01-07T00:00:00.000Z',
            }),
            [],
          );
        await save('withdrawn');
        expect(await found('missile')).toEqual([]);
        expect((await search({})).total).toBe(5);
        await save('draft');
        expect(await found('missile')).toEqual([]);
        await save('published');
        expect(await found('missile')).toEqual(['cuba']);
      });

      it('writes the index in the transaction of the record, so a failed save leaves no trace', async () => {
        const { db, dialect } = deps();
        await expect(
          db.transaction().execute(async (trx) => {
            await trx
              .updateTable('documents')
              .set({ status: 'published' })
              .where('id', '=', id.draft!)
              .execute();
            await syncSearchIndex({ db: trx, dialect }, id.draft!);
            expect((await trx.selectFrom('search_documents').select('document_id').execute()).length).toBe(7);
            throw new Error('the save fails after indexing');
          }),
        ).rejects.toThrow('the save fails after indexing');
        expect(await found('unicornword')).toEqual([]);
        expect((await search({})).total).toBe(6);
      });
    });

    describe('snippets', () => {
      it('says where each passage was found and marks the words in the original text', async () => {
        const khorgos = await search({ q: ['Khorgos'] });
        const zhang = khorgos.hits.find((h) => h.id === id.zhang)!;
        expect(zhang.snippets[0]).toMatchObject({
          part: 'translation',
          language: 'en',
          label: 'in the English translation',
        });
        expect(zhang.snippets[0]!.html).toContain('<mark>Khorgos</mark>');
        const refugees = khorgos.hits.find((h) => h.id === id.refugees)!;
        expect(refugees.titleHtml).toBe('Report on refugees crossing at <mark>Khorgos</mark>');

        const ocr = (await search({ q: ['霍尔果斯'] })).hits.find((h) => h.id === id.refugees)!;
        expect(ocr.snippets[0]).toMatchObject({ part: 'ocr', label: 'in the OCR text of the scan' });
        expect(ocr.snippets[0]!.html).toContain('<mark>霍 尔 果 斯</mark>');

        const russian = (await search({ q: ['переговоры'] })).hits[0]!;
        expect(russian.snippets.map((s) => s.label)).toContain('in the Russian original');
        expect(russian.snippets.find((s) => s.language === 'ru')!.html).toContain('<mark>переговорах</mark>');

        const names = (await search({ q: ['person:Месяцев'] })).hits[0]!;
        expect(names.snippets[0]).toMatchObject({ part: 'names', label: 'in names' });
        expect(names.snippets[0]!.html).toContain('<mark>Месяцев</mark>');
      });

      it('escapes the text of snippets', async () => {
        const hit = (await search({ q: ['Caribbean'] })).hits[0]!;
        const html = hit.snippets[0]!.html;
        expect(html).toContain('&lt;script&gt;');
        expect(html).toContain('&amp;');
        expect(html).not.toContain('<script>');
        expect(html).toContain('<mark>Caribbean</mark>');
      });
    });

    describe('suggestions', () => {
      it('suggests people, places and subjects by the start of any word of any name variant', async () => {
        const [mesyatsev] = await suggestNames(deps(), 'mesy');
        expect(mesyatsev).toMatchObject({
          kind: 'person',
          name: 'Nikolai Mesyatsev',
          matched: null,
          documents: 1,
        });
        const [cyrillic] = await suggestNames(deps(), 'Месяц');
        expect(cyrillic).toMatchObject({ name: 'Nikolai Mesyatsev', matched: 'Николай Месяцев' });
        const [china] = await suggestNames(deps(), 'chi', { kinds: ['place'] });
        expect(china).toMatchObject({ name: 'China', documents: 3 });
        expect((await suggestNames(deps(), 'TRA')).map((s) => s.name)).toEqual(['Trade']);
        expect(await suggestNames(deps(), '  ')).toEqual([]);
      });
    });

    describe('hostile input', () => {
      it('answers any query with results or an empty list, never an error', async () => {
        const queries = [
          '"',
          '""',
          '"unclosed phrase',
          'OR',
          'AND OR NOT',
          '-',
          '*',
          'title:',
          'person:"',
          'NEAR(Khorgos border)',
          "'; DROP TABLE documents; --",
          "1' OR '1'='1",
          'a\u0000b',
          '😀 🇨🇳 中国',
          'שלום עולם',
          '\u202eKhorgos',
          '\ud800 Khorgos',
          'x'.repeat(10_000),
          '((( ) [a] {b} ^ $ \\',
          "'Khorgos'",
          '..',
          '9999 0000-00-00 1962-13',
          'foo*bar *Khorgos',
          'Khorgos:* ^2 terms:x exact:y',
          "to_tsquery('x') @@ ' & | ! <-> :*",
        ];
        for (const q of queries) {
          const result = await search({ q: [q] });
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(Array.isArray(result.hits)).toBe(true);
        }
        expect(keysOf(await search({ q: ['\u202eKhorgos'] })).sort()).toEqual(['refugees', 'zhang']);
      });
    });

    describe('index maintenance', () => {
      it('rebuilds the index from the records and records the analyser version', async () => {
        const before = await search({ q: ['negotiations'] });
        await context.container.database.db.updateTable('search_state').set({ value: '0' }).execute();
        expect((await readIndexStatus(deps().db)).current).toBe(false);
        expect((await search({})).notices.map((n) => n.code)).toContain('search.index_outdated');
        const progress: number[] = [];
        const outcome = await reindexAll(deps(), { batchSize: 2, onProgress: (p) => progress.push(p.done) });
        expect(outcome.indexed).toBe(6);
        expect(progress.at(-1)).toBe(6);
        expect(await readIndexStatus(deps().db)).toEqual({
          analyzerVersion: ANALYZER_VERSION,
          indexFormat: INDEX_FORMAT_VERSION,
          current: true,
        });
        const after = await search({ q: ['negotiations'] });
        expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id));
      });

      it('drops a deleted document from the index with its record', async () => {
        const { db } = deps();
        await db.deleteFrom('documents').where('id', '=', id.reischauer!).execute();
        expect(await found('Reischauer')).toEqual([]);
        expect((await search({})).total).toBe(5);
        expect(await suggestNames(deps(), 'edwin')).toEqual([]);
      });
    });
  });
}
