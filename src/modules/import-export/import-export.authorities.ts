import type { Kysely } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import { highestIssuedId, syncIdentity } from '../../database/identity.ts';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { FileProblem, storeFileFromDisk } from '../assets/asset-files.ts';
import { createAuthoritiesRepository, nameMatchKey } from '../authorities/authorities.repository.ts';
import { collectionImageTypes } from '../collections/collections.queries.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import type { AuthorityRecord } from '../documents/documents.schemas.ts';
import { resolveInsideFolder } from './import-export.assets.ts';
import { RecordFieldProblem } from './import-export.errors.ts';

/**
 * What an import remembers about the authorities its file defined, so that IDs in the file mean the
 * same thing all through it even when this database gave those authorities other IDs.
 */
export type AuthorityLedger = {
  /** Authority ID written in the file -> ID in this database. */
  idsFromFile: Map<number, number>;
  /** ID in this database -> the file ID of the line that defined it (undefined: a line without ID). */
  definedBy: Map<number, number | undefined>;
  /** Parents named before their own line came; linked once the whole file is read. */
  pendingParents: { authorityId: number; kind: AuthorityKind; parent: string }[];
};

export const newAuthorityLedger = (): AuthorityLedger => ({
  idsFromFile: new Map(),
  definedBy: new Map(),
  pendingParents: [],
});

export const kindsWithParents: readonly AuthorityKind[] = ['place', 'collection'];

type Deps = { db: Kysely<Database>; dialect: DialectName; storage?: BlobStore };

/**
 * A collection's picture named by an authority line, stored before the authority's transaction (so a
 * bad file writes nothing). Only collections have pictures; on other kinds the field is ignored.
 */
async function storeImage(
  deps: Deps,
  record: AuthorityRecord,
  options: { baseDir?: string | undefined; dryRun?: boolean },
): Promise<{ sha256: string; mediaType: string; alt: string } | null> {
  if (!record.image || record.kind !== 'collection' || !options.baseDir || !deps.storage) return null;
  const file = await resolveInsideFolder(options.baseDir, record.image.file, 'image.file');
  try {
    const stored = await storeFileFromDisk(deps.storage, file, collectionImageTypes);
    return { sha256: stored.sha256, mediaType: stored.mediaType, alt: record.image.alt };
  } catch (error) {
    if (error instanceof FileProblem) throw new RecordFieldProblem('image.file', error.message);
    throw error;
  }
}

/**
 * Creates or completes one authority from an authority line, in one transaction. Matching follows
 * the record format: by ID when the authority with that ID here has the same kind and shares a name
 * with the line (an ID from another archive names someone else), else by any name of the line. Two
 * lines of one file with different IDs stay two authorities even when they share a name, so an
 * export of two people called "Wang Li" comes back as two people. Existing details are completed,
 * never overwritten.
 */
export async function importAuthority(
  deps: Deps,
  record: AuthorityRecord,
  ledger: AuthorityLedger,
  options: { baseDir?: string | undefined } = {},
): Promise<{ id: number; created: boolean }> {
  const image = await storeImage(deps, record, options);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const authorities = createAuthoritiesRepository({ db: trx });
    const names = [record.name, ...record.variants.map((v) => v.name)];
    const keys = new Set(names.map(nameMatchKey));

    let id: number | undefined = record.id === undefined ? undefined : ledger.idsFromFile.get(record.id);
    if (
      id === undefined &&
      record.id !== undefined &&
      (await authorities.kindOf(record.id)) === record.kind
    ) {
      const existing = await authorities.findById(record.id);
      const existingKeys = [existing!.name, ...existing!.variants.map((v) => v.name)].map(nameMatchKey);
      if (existingKeys.some((key) => keys.has(key))) id = record.id;
    }
    for (const name of names) {
      if (id !== undefined) break;
      const found = await authorities.findIdByName(record.kind, name);
      if (found === undefined) continue;
      const definedBy = ledger.definedBy.get(found);
      if (record.id !== undefined && definedBy !== undefined && definedBy !== record.id) continue;
      id = found;
    }

    let parentId: number | null = null;
    let parentPending = false;
    if (record.parent && kindsWithParents.includes(record.kind)) {
      parentId = (await authorities.findIdByName(record.kind, record.parent)) ?? null;
      parentPending = parentId === null;
    }

    let created = false;
    if (id === undefined) {
      const keepId =
        record.id !== undefined && record.id > (await highestIssuedId(trx, deps.dialect, 'authorities'));
      id = await authorities.create({
        kind: record.kind,
        name: record.name,
        slug: record.slug,
        variants: record.variants,
        parentId,
        note: record.note,
        dates: record.dates,
        id: keepId ? record.id : undefined,
      });
      if (keepId) await syncIdentity(trx, deps.dialect, 'authorities');
      created = true;
    } else {
      await authorities.addVariants(id, [{ name: record.name, language: null }, ...record.variants]);
      await authorities.completeDetails(id, {
        parentId: parentId === id ? null : parentId,
        note: record.note,
        dates: record.dates,
      });
    }
    await completeDiscoveryDetails(trx, id, record, image);
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
    return { id, created, parentPending };
  });

  if (record.id !== undefined) ledger.idsFromFile.set(record.id, outcome.id);
  if (!ledger.definedBy.has(outcome.id) || record.id !== undefined)
    ledger.definedBy.set(outcome.id, record.id);
  if (outcome.parentPending && record.parent) {
    ledger.pendingParents.push({ authorityId: outcome.id, kind: record.kind, parent: record.parent });
  }
  return { id: outcome.id, created: outcome.created };
}

/**
 * Links the parents that were named before they were defined (an export lists authorities by ID, and
 * a parent may have a higher one). A parent still unknown at the end is created by its name.
 */
export async function linkPendingParents(deps: Deps, ledger: AuthorityLedger): Promise<void> {
  for (const pending of ledger.pendingParents) {
    await deps.db.transaction().execute(async (trx) => {
      const authorities = createAuthoritiesRepository({ db: trx });
      const parentId =
        (await authorities.findIdByName(pending.kind, pending.parent)) ??
        (await authorities.create({ kind: pending.kind, name: pending.parent }));
      if (parentId === pending.authorityId) return;
      await authorities.completeDetails(pending.authorityId, { parentId });
      await createDocumentsRepository({ db: trx }).bumpContentVersion();
    });
  }
  ledger.pendingParents = [];
}

/** A place's position and a collection's picture, filled in where the authority has none yet. */
async function completeDiscoveryDetails(
  db: Kysely<Database>,
  id: number,
  record: AuthorityRecord,
  image: { sha256: string; mediaType: string; alt: string } | null,
): Promise<void> {
  const row = await db
    .selectFrom('authorities')
    .select(['latitude', 'image_sha256'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const update = {
    ...(record.kind === 'place' && record.position && row.latitude === null
      ? { latitude: record.position.latitude, longitude: record.position.longitude }
      : {}),
    ...(image && row.image_sha256 === null
      ? { image_sha256: image.sha256, image_media_type: image.mediaType, image_alt: image.alt }
      : {}),
  };
  if (Object.keys(update).length > 0)
    await db.updateTable('authorities').set(update).where('id', '=', id).execute();
}
