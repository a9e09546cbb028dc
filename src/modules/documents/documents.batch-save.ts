import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import { highestIssuedId, syncIdentity } from '../../database/identity.ts';
import type { Database } from '../../database/tables.ts';
import { withLookupCache } from '../authorities/authorities.lookup-cache.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { enqueueScanProcessingOf } from '../ingest/pipeline/scan-jobs.ts';
import { recordRevisions } from '../revisions/revisions.snapshot.ts';
import { syncSearchIndexBatch } from '../search/search.indexer.ts';
import { nowIso } from '../shared/text.ts';
import { createDocumentsRepository, type DocumentLinks } from './documents.repository.ts';
import type { DocumentRecord } from './documents.schemas.ts';
import {
  type AuthorityResolver,
  documentRowOf,
  type ExistingDocumentLookup,
  findExisting,
  type PreparedAsset,
  resolveAuthority,
  resolveAuthorityLinks,
  resolveDocumentLinks,
  type SaveDocumentDeps,
  type SaveDocumentResult,
  writeRecordContents,
} from './documents.usecases.ts';

export type BatchEntry = { record: DocumentRecord; assets: PreparedAsset[] };

/** Per entry, in order: what was saved, or why nothing of that record was. */
export type BatchOutcome = { ok: true; result: SaveDocumentResult } | { ok: false; error: unknown };

/**
 * Saves many records the way `saveDocument` saves one (same matching, same rows, same index rows and
 * revisions), for importers: an import file of thousands of records would otherwise spend its time
 * on one transaction, one search index write and one re-read per record.
 *
 * The records go in one transaction, each inside its own savepoint: a record that fails (a bad
 * alignment, a constraint) is rolled back to its savepoint and reported, and the others go on. What
 * follows from the records is then written for all of them at once: the search index, the revisions,
 * the scans' jobs, and one content version bump. Should that part fail, nothing of the batch is kept
 * and each record is saved again on its own, so a record that causes it fails alone.
 *
 * A document that comes twice (one external ID on two records) is saved twice, in two transactions,
 * so each version has its revision as with `saveDocument`. Related documents are looked up when a
 * record is saved, so earlier records of the batch are found; missing ones are returned to link later.
 */
export async function saveDocumentBatch(
  deps: SaveDocumentDeps,
  entries: readonly BatchEntry[],
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  let rest = entries;
  while (rest.length > 0) {
    const pending = rest;
    try {
      const written = await deps.db.transaction().execute((trx) => writeBatch(trx, deps.dialect, pending));
      outcomes.push(...written);
      rest = pending.slice(written.length);
    } catch (error) {
      if (pending.length === 1) outcomes.push({ ok: false, error });
      else for (const entry of pending) outcomes.push(...(await saveDocumentBatch(deps, [entry])));
      rest = [];
    }
  }
  return outcomes;
}

/**
 * Texts without a file or an alignment are written with the batch. Files need their blob rows, and
 * an alignment is checked against the stored texts and may fail, so those records write theirs
 * within their own savepoint.
 */
const isPlainText = (asset: PreparedAsset) =>
  asset.blob === null && !('alignment' in asset && asset.alignment !== undefined);

const linksOf = (
  record: DocumentRecord,
  authorityLinks: DocumentLinks['authorities'],
  documentLinks: DocumentLinks['documents'],
): DocumentLinks => ({
  languages: record.languages,
  classifications: record.classifications,
  credits: record.credits,
  authorities: authorityLinks,
  documents: documentLinks,
});

type KnownDocument = { id: number; externalId: string | null; createdAt: string; publishedAt: string | null };

/** The documents the batch's records may update, read at once, and kept current as records are saved. */
class KnownDocuments implements ExistingDocumentLookup {
  private readonly byId = new Map<number, KnownDocument>();
  private readonly byExternalId = new Map<string, number>();

  static async read(db: Kysely<Database>, entries: readonly BatchEntry[]): Promise<KnownDocuments> {
    const known = new KnownDocuments();
    const externalIds = [
      ...new Set(entries.flatMap((e) => (e.record.externalId ? [e.record.externalId] : []))),
    ];
    const ids = [...new Set(entries.flatMap((e) => (e.record.id === undefined ? [] : [e.record.id])))];
    const select = () =>
      db.selectFrom('documents').select(['id', 'external_id', 'created_at', 'published_at']);
    const rows = [];
    for (let i = 0; i < externalIds.length; i += 500)
      rows.push(
        ...(await select()
          .where('external_id', 'in', externalIds.slice(i, i + 500))
          .execute()),
      );
    for (let i = 0; i < ids.length; i += 500)
      rows.push(
        ...(await select()
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()),
      );
    for (const row of rows) {
      known.remember({
        id: row.id,
        externalId: row.external_id,
        createdAt: row.created_at,
        publishedAt: row.published_at,
      });
    }
    return known;
  }

  remember(document: KnownDocument) {
    const before = this.byId.get(document.id);
    if (before?.externalId && this.byExternalId.get(before.externalId) === document.id)
      this.byExternalId.delete(before.externalId);
    this.byId.set(document.id, document);
    if (document.externalId) this.byExternalId.set(document.externalId, document.id);
  }

  get(id: number): KnownDocument | undefined {
    return this.byId.get(id);
  }

  async idByExternalId(externalId: string) {
    return this.byExternalId.get(externalId);
  }

  async externalIdOf(id: number) {
    return this.byId.get(id)?.externalId;
  }
}

/**
 * Saves the entries it can in one transaction and returns their outcomes: all of them, or those
 * before the first record of a document already saved in this transaction.
 */
async function writeBatch(
  trx: Kysely<Database>,
  dialect: DialectName,
  entries: readonly BatchEntry[],
): Promise<BatchOutcome[]> {
  const documents = createDocumentsRepository({ db: trx });
  const newResolver = (): AuthorityResolver => ({
    authorities: withLookupCache(createAuthoritiesRepository({ db: trx }), trx),
    db: trx,
    dialect,
  });
  let resolver = newResolver();
  const now = nowIso();
  const known = await KnownDocuments.read(trx, entries);
  let highest = await highestIssuedId(trx, dialect, 'documents');
  // PostgreSQL's identity sequence must pass kept IDs before it hands out the next one.
  let identityBehind = false;
  const saved = new Map<number, { created: boolean }>();
  const newContents: Parameters<typeof documents.insertNewDocumentsContents>[0][number][] = [];
  const outcomes: BatchOutcome[] = [];

  for (const { record, assets } of entries) {
    let existingId: number | undefined;
    try {
      existingId = await findExisting(known, record);
    } catch (error) {
      outcomes.push({ ok: false, error });
      continue;
    }
    if (existingId !== undefined && saved.has(existingId)) break;
    const existing = existingId === undefined ? undefined : known.get(existingId);

    await sql`savepoint chancery_record`.execute(trx);
    try {
      const row = documentRowOf(
        record,
        existing,
        now,
        record.repository ? await resolveAuthority(resolver, 'repository', record.repository) : null,
      );
      let id: number;
      if (existing) {
        id = existing.id;
        await documents.update(id, row);
      } else {
        const keepId = record.id !== undefined && record.id > highest;
        if (!keepId && identityBehind) {
          await syncIdentity(trx, dialect, 'documents');
          identityBehind = false;
        }
        id = await documents.insert(row, keepId ? record.id : undefined);
        if (keepId) identityBehind = true;
      }
      const authorityLinks = await resolveAuthorityLinks(resolver, record);
      const { documentLinks, deferredLinks } = await resolveDocumentLinks(documents, record, 'defer');
      if (!existing && assets.every(isPlainText)) {
        newContents.push({ id, links: linksOf(record, authorityLinks, documentLinks), assets });
      } else {
        await writeRecordContents(trx, {
          id,
          fresh: !existing,
          record,
          assets,
          authorityLinks,
          documentLinks,
          now,
        });
      }
      await sql`release savepoint chancery_record`.execute(trx);

      highest = Math.max(highest, id);
      known.remember({
        id,
        externalId: row.external_id,
        createdAt: row.created_at,
        publishedAt: row.published_at,
      });
      saved.set(id, { created: !existing });
      outcomes.push({ ok: true, result: { id, created: !existing, deferredLinks } });
    } catch (error) {
      await sql`rollback to savepoint chancery_record`.execute(trx);
      await sql`release savepoint chancery_record`.execute(trx);
      // The lookups may remember authorities or names the rollback took back.
      resolver = newResolver();
      outcomes.push({ ok: false, error });
    }
  }
  if (identityBehind) await syncIdentity(trx, dialect, 'documents');
  // The lists and texts of new documents, in a few statements for the whole batch. Nothing in them
  // can fail for one record alone (repeats are dropped, every authority exists); should it fail
  // anyway, the whole batch is tried again record by record.
  await documents.insertNewDocumentsContents(newContents, now);

  if (saved.size > 0) {
    // Read back as stored, in a few queries for the whole batch: the index and the revisions are
    // made from exactly what a reader will see.
    const stored = await documents.findManyByIds([...saved.keys()]);
    await enqueueScanProcessingOf({ db: trx, dialect }, stored);
    await syncSearchIndexBatch({ db: trx, dialect }, stored);
    await recordRevisions(
      trx,
      stored.map((document) => ({
        document,
        meta: { author: null, action: saved.get(document.id)?.created ? 'created' : 'edited' },
      })),
    );
    await documents.bumpContentVersion();
  }
  return outcomes;
}
