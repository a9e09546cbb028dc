import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import { type Authority, createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { ANALYZER_VERSION, analyzeForIndex } from './analyzer/index.ts';
import { searchProviderFor } from './providers/index.ts';
import { expandHierarchies } from './search.facets.ts';
import { isCorrectable, nameKeys, titleSortKey } from './search.keys.ts';
import {
  buildDocumentParts,
  type DocumentPart,
  INDEX_FORMAT_VERSION,
  type PartSources,
  partIdOf,
  type ScanPageText,
} from './search.parts.ts';
import type { AnalysedPart } from './search.provider.ts';

/** What index maintenance needs: the database (usually a transaction) and its dialect. */
export type SearchIndexDeps = { db: Kysely<Database>; dialect: DialectName };

/**
 * Brings one document's index rows in line with the record: a published document is (re)indexed,
 * anything else (draft, withdrawn, deleted) loses its rows. Call it inside the transaction that
 * changed the record, so the index is never seen out of step with it.
 */
export async function syncSearchIndex(
  deps: SearchIndexDeps,
  documentId: number,
): Promise<'indexed' | 'removed'> {
  const { db } = deps;
  // Parts and facets go by cascade; the FTS5 rows by the trigger on search_parts.
  await db.deleteFrom('search_documents').where('document_id', '=', documentId).execute();
  const document = await createDocumentsRepository({ db }).findById(documentId);
  if (document?.status !== 'published') return 'removed';
  await writeDocuments(deps, [document]);
  return 'indexed';
}

/**
 * syncSearchIndex for many documents at once (a batch of an import), given as just read inside the
 * transaction that changed them: the rows of every table are written for all of them together.
 */
export async function syncSearchIndexBatch(
  deps: SearchIndexDeps,
  documents: readonly StoredDocument[],
): Promise<void> {
  for (let i = 0; i < documents.length; i += batchDeleteChunk) {
    const ids = documents.slice(i, i + batchDeleteChunk).map((document) => document.id);
    await deps.db.deleteFrom('search_documents').where('document_id', 'in', ids).execute();
  }
  await writeDocuments(
    deps,
    documents.filter((document) => document.status === 'published'),
  );
}

const batchDeleteChunk = 500;

/**
 * Re-indexes every document that holds a scan file, for the ingest pipeline to call when the file's
 * page text (OCR or text layer) changes; runs in its own transaction unless given one.
 */
export async function syncSearchIndexForBlob(deps: SearchIndexDeps, sha256: string): Promise<number> {
  const rows = await deps.db
    .selectFrom('assets')
    .select('document_id')
    .distinct()
    .where('blob_sha256', '=', sha256)
    .execute();
  const sync = async (db: Kysely<Database>) => {
    for (const row of rows) await syncSearchIndex({ db, dialect: deps.dialect }, row.document_id);
  };
  if (deps.db.isTransaction) await sync(deps.db);
  else await deps.db.transaction().execute(sync);
  return rows.length;
}

/**
 * Re-indexes every document linked to an authority record, for whoever changes the record itself
 * (its names, its parent, a merge): the documents' name parts and the suggestion keys then follow.
 * Runs in its own transaction unless given one.
 */
export async function syncSearchIndexForAuthority(
  deps: SearchIndexDeps,
  authorityId: number,
): Promise<number> {
  const sync = async (db: Kysely<Database>) => {
    const kind = await createAuthoritiesRepository({ db }).kindOf(authorityId);
    // A place's or collection's names are indexed with the documents of the ones within it too.
    const ids =
      kind === 'place' || kind === 'collection'
        ? ((await expandHierarchies(db, { [kind]: [String(authorityId)] }))[kind] ?? [String(authorityId)])
        : [String(authorityId)];
    const linked = await db
      .selectFrom('search_facets')
      .select('document_id')
      .distinct()
      .where('value', 'in', ids)
      .where('facet', 'in', [
        'person',
        'organization',
        'place',
        'subject',
        'collection',
        'repository',
        'funder',
      ])
      .execute();
    for (const row of linked) await syncSearchIndex({ db, dialect: deps.dialect }, row.document_id);
    const authority = await createAuthoritiesRepository({ db }).findById(authorityId);
    if (authority) await refreshNameKeys(db, [authority]);
    return linked.length;
  };
  return deps.db.isTransaction ? sync(deps.db) : deps.db.transaction().execute(sync);
}

async function writeDocuments(deps: SearchIndexDeps, documents: readonly StoredDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const { db } = deps;
  const rows = documents.map((document) => {
    const year = document.date ? Number.parseInt(document.date.start.slice(0, 4), 10) : null;
    return {
      document_id: document.id,
      date_start: document.date?.start ?? null,
      date_end: document.date?.end ?? null,
      year: Number.isFinite(year) ? year : null,
      title_sort: titleSortKey(document.title),
      published_at: document.publishedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('search_documents')
      .values(rows.slice(i, i + 300))
      .execute();
  }

  const sources = await loadPartSources(db, documents);
  const parts = documents.flatMap((document) =>
    buildDocumentParts(document, sources).map((part) => analysePart(document.id, part)),
  );
  await searchProviderFor(deps.dialect).insertParts(db, parts);
  await writeFacets(db, documents);
  await addToVocabulary(deps, parts);
  await refreshNameKeys(db, [
    ...documents.flatMap((document) => [
      ...document.agents,
      ...document.places,
      ...document.subjects,
      ...document.collections,
    ]),
    ...[...sources.ancestors.values()].flat(),
  ]);
}

function analysePart(documentId: number, part: DocumentPart): AnalysedPart {
  const { terms, exact } = analyzeForIndex(part.text, part.language ?? undefined);
  return {
    id: partIdOf(documentId, part.partNo),
    documentId,
    partNo: part.partNo,
    part: part.part,
    language: part.language,
    assetId: part.assetId,
    blobSha256: part.blobSha256,
    page: part.page,
    textStart: part.textStart,
    textEnd: part.textEnd,
    text: part.storeText ? part.text : null,
    terms,
    exact,
  };
}

async function loadPartSources(
  db: Kysely<Database>,
  documents: readonly StoredDocument[],
): Promise<PartSources> {
  const ancestors = new Map<number, Authority[]>();
  const authorities = createAuthoritiesRepository({ db });
  for (const document of documents) {
    for (const authority of [...document.places, ...document.collections]) {
      if (!ancestors.has(authority.id))
        ancestors.set(authority.id, await authorities.ancestors(authority.id));
    }
  }
  const scanBlobs = documents.flatMap((document) =>
    document.assets.filter((a) => a.kind === 'scan' && a.blobSha256).map((a) => a.blobSha256!),
  );
  return { ancestors, scanPages: await loadScanPages(db, scanBlobs) };
}

/** Page text the ingest pipeline derived from scans, an editor's newest correction winning. */
async function loadScanPages(db: Kysely<Database>, blobs: string[]): Promise<Map<string, ScanPageText[]>> {
  const byBlob = new Map<string, ScanPageText[]>();
  if (blobs.length === 0) return byBlob;
  const pages = await db
    .selectFrom('scan_pages')
    .select(['blob_sha256', 'page', 'text', 'text_source'])
    .where('blob_sha256', 'in', [...new Set(blobs)])
    .where('text_source', '!=', 'none')
    .orderBy('blob_sha256')
    .orderBy('page')
    .execute();
  const corrections = await db
    .selectFrom('scan_page_corrections')
    .select(['blob_sha256', 'page', 'text'])
    .where('blob_sha256', 'in', [...new Set(blobs)])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const corrected = new Map(corrections.map((c) => [`${c.blob_sha256}:${c.page}`, c.text]));
  for (const page of pages) {
    const list = byBlob.get(page.blob_sha256) ?? [];
    list.push({
      page: page.page,
      text: corrected.get(`${page.blob_sha256}:${page.page}`) ?? page.text,
      source: page.text_source === 'ocr' ? 'ocr' : 'pdf-text',
    });
    byBlob.set(page.blob_sha256, list);
  }
  return byBlob;
}

/** The facet rows of a document: one per (facet, value), authority facets by authority ID. */
export function facetRowsOf(document: StoredDocument): { facet: string; value: string }[] {
  const rows: { facet: string; value: string }[] = [];
  const add = (facet: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    rows.push({ facet, value: String(value) });
  };
  for (const language of document.languages) add('language', language);
  for (const asset of document.assets) if (asset.kind === 'translation') add('translation', asset.language);
  add('type', document.type);
  for (const marking of document.classifications) add('classification', marking);
  for (const agent of document.agents) add(agent.kind, agent.id);
  for (const subject of document.subjects) add('subject', subject.id);
  for (const place of document.places) add('place', place.id);
  for (const collection of document.collections) add('collection', collection.id);
  for (const funder of document.funders) add('funder', funder.id);
  add('repository', document.repository?.id);
  // Not a filter (dates filter by span): the year histogram is counted with the other facets.
  if (document.date) add('year', Number.parseInt(document.date.start.slice(0, 4), 10));
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.facet}\u0000${row.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function writeFacets(db: Kysely<Database>, documents: readonly StoredDocument[]): Promise<void> {
  const rows = documents.flatMap((document) =>
    facetRowsOf(document).map((row) => ({ ...row, document_id: document.id })),
  );
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('search_facets')
      .values(rows.slice(i, i + 300))
      .execute();
  }
}

/**
 * Adds the document's words to the vocabulary "did you mean" draws from. Words are only added: a
 * word whose last document left stays until the next `reindex`, which is harmless because every
 * suggestion is checked against the live index before it is offered.
 */
async function addToVocabulary(deps: SearchIndexDeps, parts: readonly AnalysedPart[]): Promise<void> {
  const words = new Set<string>();
  for (const part of parts) {
    for (const word of part.exact.split(' ')) if (isCorrectable(word)) words.add(word);
  }
  // Hundreds of words per document: passed as one parameter, their keys derived in SQL (lengths and
  // ends in characters, as vocabularyEntry derives them), which costs a fraction of a row-per-value
  // insert.
  const all = [...words];
  for (let i = 0; i < all.length; i += 5000) {
    const chunk = all.slice(i, i + 5000);
    const query =
      deps.dialect === 'postgres'
        ? sql`insert into search_vocabulary (term, length, head, tail)
            select w, length(w), left(w, 3), right(w, 3) from unnest(cast(${chunk} as text[])) as w
            on conflict (term) do nothing`
        : sql`insert into search_vocabulary (term, length, head, tail)
            select value, length(value), substr(value, 1, 3), substr(value, -3) from json_each(${JSON.stringify(chunk)})
            where true on conflict (term) do nothing`;
    await query.execute(deps.db);
  }
}

const SUGGESTED_KINDS = new Set(['person', 'organization', 'place', 'subject', 'collection']);

/** Rewrites the suggestion keys of these authorities from their current names. */
async function refreshNameKeys(db: Kysely<Database>, authorities: readonly Authority[]): Promise<void> {
  const byId = new Map(authorities.filter((a) => SUGGESTED_KINDS.has(a.kind)).map((a) => [a.id, a]));
  if (byId.size === 0) return;
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += batchDeleteChunk) {
    await db
      .deleteFrom('search_name_keys')
      .where('authority_id', 'in', ids.slice(i, i + batchDeleteChunk))
      .execute();
  }
  const rows: { key: string; authority_id: number; kind: string; name: string }[] = [];
  for (const authority of byId.values()) {
    const seen = new Set<string>();
    for (const name of [authority.name, ...authority.variants.map((v) => v.name)]) {
      for (const key of nameKeys(name)) {
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ key, authority_id: authority.id, kind: authority.kind, name });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('search_name_keys')
      .values(rows.slice(i, i + 300))
      .execute();
  }
}

export type ReindexProgress = { done: number; total: number; indexed: number };

/**
 * Rebuilds the whole index from the records, a batch of documents per transaction, so searches keep
 * working while it runs. Words and name keys are rebuilt from scratch, dropping what no published
 * document holds any more; the analyser version is recorded at the end.
 */
export async function reindexAll(
  deps: SearchIndexDeps,
  options: { batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<{ indexed: number; removed: number }> {
  const { db, dialect } = deps;
  const batchSize = options.batchSize ?? 200;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_vocabulary').execute();
    await trx.deleteFrom('search_name_keys').execute();
    // Index rows of documents that are gone or no longer published (none, unless the index was
    // written by an older version or by hand).
    await trx
      .deleteFrom('search_documents')
      .where((eb) =>
        eb(
          'document_id',
          'not in',
          eb.selectFrom('documents').select('id').where('status', '=', 'published'),
        ),
      )
      .execute();
  });
  const ids = (
    await db.selectFrom('documents').select('id').where('status', '=', 'published').orderBy('id').execute()
  ).map((row) => row.id);
  let indexed = 0;
  let removed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    await db.transaction().execute(async (trx) => {
      // A batch is read and written a table at a time: at a million documents, one document at a
      // time costs dozens of round trips each and takes hours.
      const batch = ids.slice(i, i + batchSize);
      const documents = await createDocumentsRepository({ db: trx }).findManyByIds(batch);
      await syncSearchIndexBatch({ db: trx, dialect }, documents);
      const published = documents.filter((document) => document.status === 'published').length;
      indexed += published;
      removed += batch.length - published;
    });
    options.onProgress?.({ done: Math.min(i + batchSize, ids.length), total: ids.length, indexed });
  }
  await searchProviderFor(dialect).optimize(db);
  for (const [key, value] of Object.entries(currentIndexState())) {
    await db.updateTable('search_state').set({ value }).where('key', '=', key).execute();
  }
  // Results cached by any process (counts, pages) were computed from the old index.
  await createDocumentsRepository({ db }).bumpContentVersion();
  return { indexed, removed };
}

/** What `search_state` holds once the index is built by this code. */
export const currentIndexState = (): Record<string, string> => ({
  analyzer_version: String(ANALYZER_VERSION),
  index_format: String(INDEX_FORMAT_VERSION),
});

export type IndexStatus = { analyzerVersion: number; indexFormat: number; current: boolean };

/** Whether the index was built by the analyser and format this code uses; if not, reindex. */
export async function readIndexStatus(db: Kysely<Database>): Promise<IndexStatus> {
  const rows = await db.selectFrom('search_state').select(['key', 'value']).execute();
  return indexStatusOf(rows);
}

export function indexStatusOf(rows: readonly { key: string; value: string }[]): IndexStatus {
  const value = (key: string) => Number(rows.find((row) => row.key === key)?.value ?? 0);
  const analyzerVersion = value('analyzer_version');
  const indexFormat = value('index_format');
  return {
    analyzerVersion,
    indexFormat,
    current: analyzerVersion === ANALYZER_VERSION && indexFormat === INDEX_FORMAT_VERSION,
  };
}
