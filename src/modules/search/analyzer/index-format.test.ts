import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeForIndex } from './analyzer.ts';
import { analyzeQuery, type QueryClause } from './query.ts';
import { matchesQuery } from './reference-matcher.ts';

/**
 * The analyser's output goes through the databases' own tokenizers (FTS5 unicode61, PostgreSQL's
 * default parser with the `simple` configuration). These tests index a small corpus in both and
 * check that each query finds exactly the documents the reference matcher finds, so no term is
 * split, dropped or merged on the way. The SQL here is a sketch of what a provider does, not the
 * provider.
 */

const corpus: { id: number; text: string; language?: string }[] = [
  { id: 1, text: '1962年霍尔果斯口岸的谈判记录', language: 'zh' },
  { id: 2, text: '霍 尔 果 斯 口 岸 （OCR）', language: 'zh' },
  { id: 3, text: '周恩来总理在北京会见了Khrushchev', language: 'zh-Hant' },
  { id: 4, text: 'Premier Zhōu Ēnlái was negotiating with Хрущёвым; ref. 118-01767-01', language: 'en' },
  { id: 5, text: 'На переговорах в Пекине Хрущёв говорил о границе', language: 'ru' },
  { id: 6, text: "Zhou Enlai's negotiations: the Soviets' view of Khrushchev", language: 'en' },
  { id: 7, text: 'Les négociations de Pékin, 1962', language: 'fr' },
  { id: 8, text: 'CIA-RDP80-00810A 😀 שלום' },
];

const queries = [
  '霍尔果斯',
  '霍 尔 果 斯',
  '霍尔果斯口岸',
  '周',
  '"会见了 Khrushchev"',
  '谈判',
  'Zhou Enlai',
  '"Zhou Enlai"',
  'negotiations',
  '"negotiations"',
  'переговоры',
  'Хрущёв',
  '"хрущев"',
  'Khrushchev',
  '118-01767-01',
  '01767',
  'négociations',
  '1962',
  'rdp80',
  'שלום',
  '在',
];

/** FTS5 MATCH syntax: every term quoted (no keyword or bareword rules apply), `*` for a prefix. */
function fts5Match(clauses: readonly QueryClause[]): string {
  const phrase = (terms: readonly string[], prefix: boolean) => `"${terms.join(' ')}"${prefix ? ' *' : ''}`;
  return clauses
    .map((clause) => {
      const exact = `exact : ${phrase(clause.exact, clause.prefix)}`;
      return clause.exactOnly ? exact : `(terms : ${phrase(clause.terms, clause.prefix)} OR ${exact})`;
    })
    .join(' AND ');
}

/** A tsquery phrase: quoted lexemes joined by `<->`, the last one with `:*` for a prefix. */
function tsPhrase(terms: readonly string[], prefix: boolean): string {
  const last = terms.length - 1;
  return terms.map((term, index) => `'${term}'${prefix && index === last ? ':*' : ''}`).join(' <-> ');
}

const expectedIds = (query: string) =>
  corpus
    .filter((doc) => matchesQuery(analyzeForIndex(doc.text, doc.language), analyzeQuery(query)))
    .map((doc) => doc.id);

describe('the index format in SQLite FTS5 (unicode61)', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(terms, exact, tokenize = "unicode61 remove_diacritics 0")`);
  const insert = db.prepare('INSERT INTO docs (rowid, terms, exact) VALUES (?, ?, ?)');
  for (const doc of corpus) {
    const { terms, exact } = analyzeForIndex(doc.text, doc.language);
    insert.run(doc.id, terms, exact);
  }
  const search = db.prepare('SELECT rowid AS id FROM docs WHERE docs MATCH ? ORDER BY rowid');

  it('keeps every analysed term as one FTS5 token', () => {
    const vocab = db.prepare('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
    for (const doc of corpus) {
      for (const term of analyzeForIndex(doc.text, doc.language).exact.split(' ')) {
        expect((vocab.get(`exact : "${term}"`) as { n: number }).n).toBeGreaterThan(0);
      }
    }
  });

  for (const query of queries) {
    it(`finds the same documents as the reference matcher for ${query}`, () => {
      const rows = search.all(fts5Match(analyzeQuery(query))) as { id: number }[];
      expect(rows.map((row) => row.id)).toEqual(expectedIds(query));
    });
  }

  it('finds the documents a reader expects for the key cases', () => {
    const ids = (query: string) =>
      (search.all(fts5Match(analyzeQuery(query))) as { id: number }[]).map((r) => r.id);
    expect(ids('霍尔果斯')).toEqual([1, 2]);
    expect(ids('Хрущёв')).toEqual([4, 5]);
    expect(ids('negotiations')).toEqual([4, 6]);
    expect(ids('"negotiations"')).toEqual([6]);
    expect(ids('01767')).toEqual([4]);
    expect(ids('"会见了 Khrushchev"')).toEqual([3]);
    expect(ids('"北京 Khrushchev"')).toEqual([]);
  });
});

const databaseUrl = process.env.CHANCERY_TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('the index format in PostgreSQL (simple configuration)', () => {
  const client = new pg.Client({ connectionString: databaseUrl });

  beforeAll(async () => {
    await client.connect();
    await client.query(
      `CREATE TEMP TABLE analyzer_docs (id int PRIMARY KEY, terms tsvector NOT NULL, exact tsvector NOT NULL)`,
    );
    for (const doc of corpus) {
      const { terms, exact } = analyzeForIndex(doc.text, doc.language);
      await client.query(
        `INSERT INTO analyzer_docs VALUES ($1, to_tsvector('simple', $2), to_tsvector('simple', $3))`,
        [doc.id, terms, exact],
      );
    }
  });
  afterAll(() => client.end());

  for (const query of queries) {
    it(`finds the same documents as the reference matcher for ${query}`, async () => {
      const params: string[] = [];
      const conditions = analyzeQuery(query).map((clause) => {
        params.push(tsPhrase(clause.exact, clause.prefix));
        const exact = `exact @@ to_tsquery('simple', $${params.length})`;
        if (clause.exactOnly) return exact;
        params.push(tsPhrase(clause.terms, clause.prefix));
        return `(terms @@ to_tsquery('simple', $${params.length}) OR ${exact})`;
      });
      const where = conditions.length > 0 ? conditions.join(' AND ') : 'false';
      const { rows } = await client.query<{ id: number }>(
        `SELECT id FROM analyzer_docs WHERE ${where} ORDER BY id`,
        params,
      );
      expect(rows.map((row) => row.id)).toEqual(expectedIds(query));
    });
  }
});
