import type { Kysely } from 'kysely';
import type { AssetKind, Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { AuditActor } from '../audit/audit.usecases.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { type DocumentRecord, documentRecordSchema } from '../documents/documents.schemas.ts';
import type { PreparedAsset } from '../documents/documents.usecases.ts';
import { documentLine } from '../import-export/import-export.exporter.ts';
import { nowIso } from '../shared/text.ts';
import { createRevisionsRepository, type RevisionRow } from './revisions.repository.ts';

/** An asset as a revision keeps it: its text, and its file by digest (files are never changed in place). */
export type SnapshotAsset = {
  kind: AssetKind;
  language: string | null;
  label: string | null;
  translator: string | null;
  html: string | null;
  blobSha256: string | null;
  fileName: string | null;
  mediaType: string | null;
  pageCount: number | null;
  byteSize: number | null;
};

/**
 * The whole record at one moment: the export format (so a revision reads like a line of a backup
 * and restores through the same importer rules), with the assets' files named by digest.
 */
export type RevisionSnapshot = Omit<ReturnType<typeof documentLine>, 'assets'> & { assets: SnapshotAsset[] };

export type RevisionMeta = {
  author: AuditActor | null;
  /** `created`, `edited`, `submitted`, `published`, `scheduled`, `withdrawn`, `restored`, ... */
  action: string;
  note?: string | null | undefined;
};

export function snapshotOf(document: StoredDocument): RevisionSnapshot {
  const assets: SnapshotAsset[] = document.assets.map((a) => ({
    kind: a.kind,
    language: a.language,
    label: a.label,
    translator: a.translator,
    html: a.html,
    blobSha256: a.blobSha256,
    fileName: a.fileName,
    mediaType: a.mediaType,
    pageCount: a.pageCount,
    byteSize: a.byteSize,
  }));
  return { ...documentLine(document, []), assets };
}

/** Reads a stored snapshot; a row written by a later version with more fields still reads. */
export function parseSnapshot(text: string): RevisionSnapshot {
  return JSON.parse(text) as RevisionSnapshot;
}

/**
 * Stores the document's current state as its next revision. Call it inside the transaction that made
 * the change, after the change: the revision then always matches a state the record really had.
 */
export async function recordRevision(
  db: Kysely<Database>,
  documentId: number,
  meta: RevisionMeta,
): Promise<number | undefined> {
  const document = await createDocumentsRepository({ db }).findById(documentId);
  if (!document) return undefined;
  const revisions = createRevisionsRepository({ db });
  const number = await revisions.nextNumber(documentId);
  await revisions.insert(revisionRow(document, number, meta));
  return number;
}

/**
 * recordRevision for many documents at once (a batch of an import), given as just read inside the
 * transaction that changed them, each with its own meta.
 */
export async function recordRevisions(
  db: Kysely<Database>,
  changes: readonly { document: StoredDocument; meta: RevisionMeta }[],
): Promise<void> {
  const revisions = createRevisionsRepository({ db });
  const next = await revisions.nextNumbers(changes.map((change) => change.document.id));
  const rows = changes.map(({ document, meta }) => {
    const number = next.get(document.id) ?? 1;
    next.set(document.id, number + 1);
    return revisionRow(document, number, meta);
  });
  await revisions.insertMany(rows);
}

function revisionRow(document: StoredDocument, number: number, meta: RevisionMeta): Omit<RevisionRow, 'id'> {
  return {
    document_id: document.id,
    number,
    action: meta.action,
    author_id: meta.author?.id ?? null,
    author_label: (meta.author?.label ?? 'system').slice(0, 400),
    status: document.status,
    title: document.title.slice(0, 2000),
    note: meta.note ? meta.note.slice(0, 2000) : null,
    snapshot: JSON.stringify(snapshotOf(document)),
    created_at: nowIso(),
  };
}

/**
 * A snapshot as a record to save again (restoring a revision, adding a file to a document): the
 * fields in the import format, without the assets and the last-change time, which the save sets.
 */
export function recordFromSnapshot(snapshot: RevisionSnapshot): DocumentRecord {
  const { assets: _assets, updatedAt: _updatedAt, id: _id, ...fields } = snapshot;
  return documentRecordSchema.parse({ ...fields, assets: [] });
}

/**
 * A snapshot's assets, ready to save. A file that is no longer in the store cannot come back: it is
 * left out and named in `missing`, so the caller can say so.
 */
export async function assetsFromSnapshot(
  storage: Pick<BlobStore, 'size'>,
  snapshot: RevisionSnapshot,
): Promise<{ assets: PreparedAsset[]; missing: string[] }> {
  const assets: PreparedAsset[] = [];
  const missing: string[] = [];
  for (const a of snapshot.assets) {
    let blob: PreparedAsset['blob'] = null;
    if (a.blobSha256) {
      const size = await storage.size(a.blobSha256);
      if (size === undefined) {
        missing.push(a.fileName ?? a.label ?? a.kind);
        continue;
      }
      blob = { sha256: a.blobSha256, byteSize: size, mediaType: a.mediaType ?? 'application/octet-stream' };
    }
    assets.push({
      kind: a.kind,
      language: a.language,
      label: a.label,
      translator: a.translator,
      html: a.html,
      blobSha256: a.blobSha256,
      fileName: a.fileName,
      mediaType: a.mediaType,
      pageCount: a.pageCount,
      blob,
    });
  }
  return { assets, missing };
}
