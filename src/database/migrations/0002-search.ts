import { type Kysely, sql } from 'kysely';
import { ANALYZER_VERSION } from '../../modules/search/analyzer/index.ts';
import { INDEX_FORMAT_VERSION } from '../../modules/search/search.parts.ts';
import type { MigrationContext } from '../migrate.ts';

/**
 * The search index: what `src/modules/search` writes in the same transaction as each record, and
 * reads to answer searches. Only published documents ever have rows here.
 *
 * - `search_documents`: one row per indexed document, with its sort keys and date span;
 * - `search_parts`: one row per searchable part of a document (title, summary, names of each kind,
 *   record details, archival reference, each chunk of each text); its `id` is
 *   `document_id * 2^20 + part_no`, so the full-text index gives the document without a join;
 * - the full-text index itself, per dialect: an FTS5 table on SQLite, a tsvector column with a GIN
 *   index on PostgreSQL;
 * - `search_facets`: (facet, value, document) rows, the one table every facet count and filter reads;
 * - `search_vocabulary`: words seen in the index, for "did you mean";
 * - `search_name_keys`: folded name prefixes of authorities, for suggestions as one types;
 * - `search_state`: the analyser version the index was built with.
 */
export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  const postgres = dialect === 'postgres';
  // Bytewise order on both databases, so sorted titles and name-prefix ranges agree with SQLite.
  const bytewise = postgres ? sql`collate "C"` : sql``;

  await db.schema
    .createTable('search_documents')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('year', 'integer')
    .addColumn('title_sort', sql`text ${bytewise}`, (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  for (const [name, columns] of [
    ['search_documents_date', ['date_start', 'document_id']],
    ['search_documents_date_end', ['date_end', 'document_id']],
    ['search_documents_title', ['title_sort', 'document_id']],
    ['search_documents_published', ['published_at', 'document_id']],
    ['search_documents_year', ['year']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('search_documents')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('search_parts')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('search_documents.document_id').onDelete('cascade'),
    )
    .addColumn('part_no', 'integer', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('asset_id', 'integer')
    .addColumn('blob_sha256', 'text')
    .addColumn('page', 'integer')
    .addColumn('text_start', 'integer')
    .addColumn('text_end', 'integer')
    // The original text of short parts built from several records (names, details, reference), so a
    // snippet needs no second look at the authorities; long texts are read from their asset.
    .addColumn('text', 'text')
    .$call((table) => (postgres ? table.addColumn('tsv', sql`tsvector`, (c) => c.notNull()) : table))
    .execute();
  await db.schema.createIndex('search_parts_document').on('search_parts').column('document_id').execute();

  if (postgres) {
    await sql`create index search_parts_tsv on search_parts using gin (tsv)`.execute(db);
  } else {
    // Contentless: the analysed text is not stored twice (snippets come from the original text), and
    // `contentless_delete` lets a row be removed by its rowid alone.
    await sql`create virtual table search_fts using fts5(
      terms, exact, content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0")`.execute(db);
    // Deleting a part (directly, or by cascade from its document) removes its full-text row in the
    // same transaction, so nothing a reader may no longer see can be matched.
    await sql`create trigger search_parts_delete after delete on search_parts begin
      delete from search_fts where rowid = old.id;
    end`.execute(db);
  }

  await db.schema
    .createTable('search_facets')
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('search_documents.document_id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('search_facets_pk', ['facet', 'value', 'document_id'])
    .execute();
  await db.schema
    .createIndex('search_facets_document')
    .on('search_facets')
    .columns(['document_id', 'facet', 'value'])
    .execute();

  await db.schema
    .createTable('search_vocabulary')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('tail', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_vocabulary_head')
    .on('search_vocabulary')
    .columns(['head', 'length'])
    .execute();
  await db.schema
    .createIndex('search_vocabulary_tail')
    .on('search_vocabulary')
    .columns(['tail', 'length'])
    .execute();

  await db.schema
    .createTable('search_name_keys')
    .addColumn('key', sql`text ${bytewise}`, (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_name_keys_pk', ['key', 'authority_id'])
    .execute();
  await db.schema
    .createIndex('search_name_keys_authority')
    .on('search_name_keys')
    .column('authority_id')
    .execute();

  await db.schema
    .createTable('search_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // An archive that already holds documents has an empty index now: version 0 marks it as needing
  // `chancery reindex`. An empty archive is indexed as records arrive, by the analyser of the day.
  const existing = await sql<{ n: number }>`select count(*) as n from documents`.execute(db);
  const hasDocuments = Number(existing.rows[0]?.n ?? 0) > 0;
  const version = (current: number) => String(hasDocuments ? 0 : current);
  await db
    .insertInto('search_state' as never)
    .values([
      { key: 'analyzer_version', value: version(ANALYZER_VERSION) },
      { key: 'index_format', value: version(INDEX_FORMAT_VERSION) },
    ] as never)
    .execute();
}
