import type { Kysely } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { DialectName } from '../../database/database.ts';
import { highestIssuedId, syncIdentity } from '../../database/identity.ts';
import type { AuthorityKind, Database, DocumentLinkKind, LinkRole } from '../../database/tables.ts';
import type { AlignmentInput } from '../alignment/alignment.schemas.ts';
import { AlignmentProblem, storeAlignments } from '../alignment/alignment.usecases.ts';
import {
  type AuthoritiesRepository,
  createAuthoritiesRepository,
} from '../authorities/authorities.repository.ts';
import { enqueueScanProcessing } from '../ingest/pipeline/scan-jobs.ts';
import { type RevisionMeta, recordRevision } from '../revisions/revisions.snapshot.ts';
import { syncSearchIndex } from '../search/search.indexer.ts';
import { nowIso } from '../shared/text.ts';
import {
  type AssetRow,
  createDocumentsRepository,
  type DocumentLinks,
  type DocumentRow,
  type DocumentsRepository,
} from './documents.repository.ts';
import type { AuthorityRef, DocumentRecord, DocumentRef } from './documents.schemas.ts';

/** An asset whose file (if any) is already in the blob store. */
export type PreparedAsset = AssetRow & {
  blob: { sha256: string; byteSize: number; mediaType: string } | null;
  /** A translation's paragraph alignment; left out, what is stored stays. */
  alignment?: AlignmentInput | undefined;
};

export type SaveDocumentDeps = { db: Kysely<Database>; dialect: DialectName };

export type SaveDocumentOptions = {
  /**
   * What to do with related/attachment references to documents that do not exist (yet): `error`
   * rejects the record; `defer` saves it and returns them, so an importer can link them once the
   * whole file is in.
   */
  missingLinks: 'error' | 'defer';
  /**
   * The document this save must update (the editor's form), or `new` for one that must be created:
   * the save is refused when the record's external ID belongs to another document, instead of
   * updating that one.
   */
  target?: number | 'new' | undefined;
  /** Who saved and why, for the revision every save writes (default: `system`, created/edited). */
  revision?: RevisionMeta | undefined;
  /** Runs inside the save's transaction once everything is written (the audit log entry). */
  onSaved?: ((trx: Kysely<Database>, result: { id: number; created: boolean }) => Promise<void>) | undefined;
};

export type SaveDocumentResult = {
  id: number;
  created: boolean;
  deferredLinks: { ref: DocumentRef; kind: DocumentLinkKind }[];
};

/** A problem with one field of an incoming record; importers and forms show the field path. */
export class RecordFieldError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('documents.invalid_field', 422, `${field}: ${message}`);
  }
}

/** The `documents` row a record is saved as; an update keeps the creation and publication times. */
export function documentRowOf(
  record: DocumentRecord,
  existing: { createdAt: string; publishedAt: string | null } | undefined,
  now: string,
  repositoryId: number | null,
): DocumentRow {
  return {
    external_id: record.externalId ?? null,
    status: record.status,
    title: record.title,
    subtitle: record.subtitle,
    summary: record.summary,
    date_start: record.date?.start ?? null,
    date_end: record.date?.end ?? null,
    date_precision: record.date?.precision ?? null,
    date_circa: record.date?.circa ? 1 : 0,
    date_time: record.date?.time ?? null,
    place_of_origin: record.placeOfOrigin,
    document_type: record.type,
    repository_id: repositoryId,
    archival_reference: record.archivalReference,
    program: record.program,
    rights: record.rights,
    withdrawal_reason: record.status === 'withdrawn' ? record.withdrawalReason : null,
    scheduled_for: record.status === 'scheduled' ? record.scheduledFor : null,
    created_at: record.createdAt ?? existing?.createdAt ?? now,
    updated_at: record.updatedAt ?? now,
    published_at:
      record.publishedAt ??
      existing?.publishedAt ??
      (record.status === 'published' || record.status === 'withdrawn' ? now : null),
  };
}

/**
 * The record's links to authorities, found or created in a fixed order (agents, subjects, places,
 * funders, collections; the repository before them all), so new authorities get the same IDs
 * whichever way a record is saved.
 */
export async function resolveAuthorityLinks(
  resolver: AuthorityResolver,
  record: DocumentRecord,
): Promise<{ authorityId: number; role: LinkRole }[]> {
  const authorityLinks: { authorityId: number; role: LinkRole }[] = [];
  const link = async (kind: AuthorityKind, role: LinkRole, refs: AuthorityRef[]) => {
    for (const ref of refs)
      authorityLinks.push({ authorityId: await resolveAuthority(resolver, kind, ref), role });
  };
  for (const agent of record.agents) {
    authorityLinks.push({
      authorityId: await resolveAuthority(resolver, agent.kind, agent),
      role: agent.role,
    });
  }
  await link('subject', 'subject', record.subjects);
  await link('place', 'place', record.places);
  await link('funder', 'funder', record.funders);
  await link('collection', 'collection', record.collections);
  return authorityLinks;
}

/** The record's related documents and attachments that exist; the others per `missingLinks`. */
export async function resolveDocumentLinks(
  documents: Pick<DocumentsRepository, 'findIdByExternalId' | 'exists'>,
  record: DocumentRecord,
  missingLinks: SaveDocumentOptions['missingLinks'],
): Promise<{
  documentLinks: { targetId: number; kind: DocumentLinkKind }[];
  deferredLinks: SaveDocumentResult['deferredLinks'];
}> {
  const deferredLinks: SaveDocumentResult['deferredLinks'] = [];
  const documentLinks: { targetId: number; kind: DocumentLinkKind }[] = [];
  for (const [kind, refs] of [
    ['related', record.related],
    ['attachment', record.attachments],
  ] as const) {
    for (const [index, ref] of refs.entries()) {
      const targetId = await resolveDocumentRef(documents, ref);
      if (targetId !== undefined) documentLinks.push({ targetId, kind });
      else if (missingLinks === 'defer') deferredLinks.push({ ref, kind });
      else {
        throw new RecordFieldError(
          `${kind === 'related' ? 'related' : 'attachments'}[${index}]`,
          `no document ${describeRef(ref)}`,
        );
      }
    }
  }
  return { documentLinks, deferredLinks };
}

/**
 * Writes what a saved record holds besides its row: languages, markings, credits, links, asset rows
 * and their files' rows. `fresh` says the document was created by this save and holds nothing yet.
 */
export async function writeRecordContents(
  db: Kysely<Database>,
  contents: {
    id: number;
    fresh: boolean;
    record: DocumentRecord;
    assets: PreparedAsset[];
    authorityLinks: DocumentLinks['authorities'];
    documentLinks: DocumentLinks['documents'];
    now: string;
  },
): Promise<void> {
  const { id, fresh, record, assets, now } = contents;
  const documents = createDocumentsRepository({ db });
  await documents.replaceLinks(
    id,
    {
      languages: record.languages,
      classifications: record.classifications,
      credits: record.credits,
      authorities: contents.authorityLinks,
      documents: contents.documentLinks,
    },
    { fresh },
  );
  await storeBlobRows(db, assets, now);
  await documents.replaceAssets(id, assets, now, { fresh });
  await storeAlignments(db, id, assets).catch((error: unknown) => {
    throw error instanceof AlignmentProblem ? new RecordFieldError(error.field, error.reason) : error;
  });
}

/**
 * Creates or updates one document with everything it holds, in one transaction: either all of it is
 * written or nothing is. A record with a known external ID (else a known record ID) updates that
 * document; otherwise a new one is created, keeping the record ID it carries when that number was
 * never issued here.
 */
export async function saveDocument(
  deps: SaveDocumentDeps,
  record: DocumentRecord,
  assets: PreparedAsset[],
  options: SaveDocumentOptions = { missingLinks: 'error' },
): Promise<SaveDocumentResult> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const documents = createDocumentsRepository({ db: trx });
    const resolver: AuthorityResolver = {
      authorities: createAuthoritiesRepository({ db: trx }),
      db: trx,
      dialect: deps.dialect,
    };
    const now = nowIso();

    const existingId =
      options.target === undefined
        ? await findExisting(existingLookup(documents), record)
        : await checkTarget(documents, record, options.target);
    const existing = existingId === undefined ? undefined : await documents.findById(existingId);

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
      const keepId =
        options.target === undefined &&
        record.id !== undefined &&
        record.id > (await highestIssuedId(trx, deps.dialect, 'documents'));
      id = await documents.insert(row, keepId ? record.id : undefined);
      if (keepId) await syncIdentity(trx, deps.dialect, 'documents');
    }

    const authorityLinks = await resolveAuthorityLinks(resolver, record);
    const { documentLinks, deferredLinks } = await resolveDocumentLinks(
      documents,
      record,
      options.missingLinks,
    );

    await writeRecordContents(trx, {
      id,
      fresh: !existing,
      record,
      assets,
      authorityLinks,
      documentLinks,
      now,
    });
    // Scans are read (text layer, OCR, page images) by a background job queued with the record.
    await enqueueScanProcessing({ db: trx, dialect: deps.dialect }, id);
    await syncSearchIndex({ db: trx, dialect: deps.dialect }, id);
    await documents.bumpContentVersion();
    await recordRevision(
      trx,
      id,
      options.revision ?? { author: null, action: existing ? 'edited' : 'created' },
    );
    await options.onSaved?.(trx, { id, created: !existing });
    return { id, created: !existing, deferredLinks };
  });
  return result;
}

/** Adds links that could not be made while saving (their target came later in an import). */
export async function linkDocuments(
  deps: SaveDocumentDeps,
  id: number,
  links: SaveDocumentResult['deferredLinks'],
): Promise<{ unresolved: DocumentRef[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const documents = createDocumentsRepository({ db: trx });
    const unresolved: DocumentRef[] = [];
    const rows: { targetId: number; kind: DocumentLinkKind }[] = [];
    for (const { ref, kind } of links) {
      const targetId = await resolveDocumentRef(documents, ref);
      if (targetId === undefined) unresolved.push(ref);
      else rows.push({ targetId, kind });
    }
    if (rows.length === 0) return { unresolved };
    const current = await documents.findById(id);
    if (!current) return { unresolved };
    await documents.replaceLinks(id, {
      languages: current.languages,
      classifications: current.classifications,
      credits: current.credits,
      authorities: [
        ...current.agents.map((a) => ({ authorityId: a.id, role: a.role as LinkRole })),
        ...current.subjects.map((a) => ({ authorityId: a.id, role: 'subject' as const })),
        ...current.places.map((a) => ({ authorityId: a.id, role: 'place' as const })),
        ...current.funders.map((a) => ({ authorityId: a.id, role: 'funder' as const })),
        ...current.collections.map((a) => ({ authorityId: a.id, role: 'collection' as const })),
      ],
      documents: [...(await ownLinks(trx, id)), ...rows],
    });
    await syncSearchIndex({ db: trx, dialect: deps.dialect }, id);
    await documents.bumpContentVersion();
    return { unresolved };
  });
}

async function ownLinks(db: Kysely<Database>, id: number) {
  const rows = await db
    .selectFrom('document_links')
    .select(['target_id', 'kind'])
    .where('document_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ targetId: r.target_id, kind: r.kind }));
}

/** How findExisting asks about documents: the repository, or what a batch has read already. */
export type ExistingDocumentLookup = {
  idByExternalId(externalId: string): Promise<number | undefined>;
  /** The external ID of the document with this record ID; undefined when there is no such document. */
  externalIdOf(id: number): Promise<string | null | undefined>;
};

const existingLookup = (documents: DocumentsRepository): ExistingDocumentLookup => ({
  idByExternalId: (externalId) => documents.findIdByExternalId(externalId),
  externalIdOf: (id) => documents.findExternalId(id),
});

/**
 * The document a record updates: the one with its external ID, else the one with its record ID
 * (unless that one has another external ID: the record then belongs elsewhere, an error).
 */
export async function findExisting(
  lookup: ExistingDocumentLookup,
  record: DocumentRecord,
): Promise<number | undefined> {
  if (record.externalId) {
    const byExternal = await lookup.idByExternalId(record.externalId);
    if (byExternal !== undefined) return byExternal;
  }
  if (record.id === undefined) return undefined;
  const other = await lookup.externalIdOf(record.id);
  if (other === undefined) return undefined;
  if (other && record.externalId && other !== record.externalId) {
    throw new RecordFieldError('id', `record ${record.id} belongs to another document (${other})`);
  }
  return record.id;
}

/** The document a form edits: it must exist, and the record's external ID must not name another one. */
async function checkTarget(
  documents: DocumentsRepository,
  record: DocumentRecord,
  target: number | 'new',
): Promise<number | undefined> {
  if (target === 'new') {
    const owner = record.externalId ? await documents.findIdByExternalId(record.externalId) : undefined;
    if (owner !== undefined) {
      throw new RecordFieldError('externalId', `is already the external ID of record ${owner}`);
    }
    return undefined;
  }
  if (!(await documents.exists(target))) {
    throw new AppError('documents.not_found', 404, `There is no document with record ID ${target}.`);
  }
  if (record.externalId) {
    const owner = await documents.findIdByExternalId(record.externalId);
    if (owner !== undefined && owner !== target) {
      throw new RecordFieldError('externalId', `is already the external ID of record ${owner}`);
    }
  }
  return target;
}

async function resolveDocumentRef(
  documents: Pick<DocumentsRepository, 'findIdByExternalId' | 'exists'>,
  ref: DocumentRef,
): Promise<number | undefined> {
  if ('externalId' in ref && ref.externalId) {
    const found = await documents.findIdByExternalId(ref.externalId);
    if (found !== undefined) return found;
  }
  if (ref.id !== undefined && (await documents.exists(ref.id))) return ref.id;
  return undefined;
}

const describeRef = (ref: DocumentRef) =>
  'externalId' in ref && ref.externalId ? `with external ID "${ref.externalId}"` : `with record ID ${ref.id}`;

/**
 * Finds the authority a reference means, by ID or by any of its names, or creates it. Names the
 * reference brings that the authority lacks become its variants.
 */
export type AuthorityResolver = {
  authorities: AuthoritiesRepository;
  db: Kysely<Database>;
  dialect: DialectName;
};

export async function resolveAuthority(
  resolver: AuthorityResolver,
  kind: AuthorityKind,
  ref: AuthorityRef,
): Promise<number> {
  const { authorities } = resolver;
  let id: number | undefined;
  if (ref.id !== undefined) {
    const foundKind = await authorities.kindOf(ref.id);
    if (foundKind === kind) id = ref.id;
  }
  for (const name of [ref.name, ...ref.variants.map((v) => v.name)]) {
    if (id !== undefined) break;
    id = await authorities.findIdByName(kind, name);
  }
  const parentId =
    ref.parent && (kind === 'place' || kind === 'collection')
      ? await resolveAuthority(resolver, kind, { name: ref.parent, variants: [], note: null, dates: null })
      : null;
  if (id === undefined) {
    const keepId =
      ref.id !== undefined && ref.id > (await highestIssuedId(resolver.db, resolver.dialect, 'authorities'));
    const created = await authorities.create({
      kind,
      name: ref.name,
      variants: ref.variants,
      parentId,
      note: ref.note,
      dates: ref.dates,
      id: keepId ? ref.id : undefined,
    });
    if (keepId) await syncIdentity(resolver.db, resolver.dialect, 'authorities');
    return created;
  }
  await authorities.addVariants(id, [{ name: ref.name, language: null }, ...ref.variants]);
  if (parentId !== id) await authorities.completeDetails(id, { parentId, note: ref.note, dates: ref.dates });
  return id;
}

async function storeBlobRows(db: Kysely<Database>, assets: PreparedAsset[], now: string): Promise<void> {
  for (const asset of assets) {
    if (!asset.blob) continue;
    const known = await db
      .selectFrom('blobs')
      .select('sha256')
      .where('sha256', '=', asset.blob.sha256)
      .executeTakeFirst();
    if (known) continue;
    await db
      .insertInto('blobs')
      .values({
        sha256: asset.blob.sha256,
        byte_size: asset.blob.byteSize,
        media_type: asset.blob.mediaType,
        created_at: now,
      })
      .execute();
  }
}
