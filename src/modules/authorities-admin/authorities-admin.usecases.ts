import { type Kysely, sql } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { DialectName } from '../../database/database.ts';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import {
  type Authority,
  createAuthoritiesRepository,
  type NameVariant,
  nameMatchKey,
} from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { recordRevision } from '../revisions/revisions.snapshot.ts';
import { syncSearchIndex } from '../search/search.indexer.ts';
import { nowIso } from '../shared/text.ts';

export type AuthoritiesAdminDeps = { db: Kysely<Database>; dialect: DialectName };

export type AuthorityInput = {
  name: string;
  variants: NameVariant[];
  note: string | null;
  dates: string | null;
  /** Places and collections only. */
  parentId: number | null;
  /** Places only: where theme maps draw them. Left as they are when not given. */
  latitude?: number | null;
  longitude?: number | null;
};

/** The coordinates to write, when the input speaks of them. */
const positionOf = (fields: AuthorityInput) =>
  fields.latitude === undefined && fields.longitude === undefined
    ? {}
    : { latitude: fields.latitude ?? null, longitude: fields.longitude ?? null };

export class AuthorityFieldError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('authorities.invalid', 422, message);
  }
}

const kindsWithParents: AuthorityKind[] = ['place', 'collection'];

/** Documents linked to any of these authorities, by any role or as the archive holding them. */
async function linkedDocumentIds(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  const [links, held] = await Promise.all([
    db
      .selectFrom('document_authorities')
      .select('document_id')
      .distinct()
      .where('authority_id', 'in', ids)
      .execute(),
    db.selectFrom('documents').select('id').where('repository_id', 'in', ids).execute(),
  ]);
  return [...new Set([...links.map((r) => r.document_id), ...held.map((r) => r.id)])].sort((a, b) => a - b);
}

/** Search rows hold names and authority IDs: every document that shows this authority is indexed again. */
async function refreshDocuments(
  deps: AuthoritiesAdminDeps,
  trx: Kysely<Database>,
  ids: number[],
): Promise<void> {
  for (const id of ids) await syncSearchIndex({ db: trx, dialect: deps.dialect }, id);
  await createDocumentsRepository({ db: trx }).bumpContentVersion();
}

/** A parent must be of the same kind and not the authority itself or anything under it. */
async function checkParent(
  db: Kysely<Database>,
  kind: AuthorityKind,
  id: number | null,
  parentId: number | null,
) {
  if (parentId === null) return;
  if (!kindsWithParents.includes(kind))
    throw new AuthorityFieldError('parent', 'Only places and collections have a parent.');
  const authorities = createAuthoritiesRepository({ db });
  if ((await authorities.kindOf(parentId)) !== kind) {
    throw new AuthorityFieldError('parent', `The parent must be another ${kind}.`);
  }
  if (id === null) return;
  if (parentId === id || (await authorities.ancestors(parentId)).some((a) => a.id === id)) {
    throw new AuthorityFieldError(
      'parent',
      'The parent cannot be this record or one of the records under it.',
    );
  }
}

function cleanVariants(name: string, variants: NameVariant[]): NameVariant[] {
  const seen = new Set([nameMatchKey(name)]);
  return variants.filter((v) => {
    const key = nameMatchKey(v.name);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function createAuthority(
  deps: AuthoritiesAdminDeps,
  input: { kind: AuthorityKind; fields: AuthorityInput; context: ActionContext },
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await checkParent(trx, input.kind, null, input.fields.parentId);
    const authorities = createAuthoritiesRepository({ db: trx });
    const existing = await authorities.findIdByName(input.kind, input.fields.name);
    if (existing !== undefined) {
      throw new AuthorityFieldError(
        'name',
        `A ${input.kind} of this name already exists (record ${existing}).`,
      );
    }
    const id = await authorities.create({
      kind: input.kind,
      name: input.fields.name,
      variants: cleanVariants(input.fields.name, input.fields.variants),
      note: input.fields.note,
      dates: input.fields.dates,
      parentId: input.fields.parentId,
    });
    const position = positionOf(input.fields);
    if (Object.keys(position).length > 0) {
      await trx.updateTable('authorities').set(position).where('id', '=', id).execute();
    }
    await createAuditLog({ db: trx }).record({
      ...input.context,
      action: 'authority.created',
      target: { type: 'authority', id, label: input.fields.name },
      details: { kind: input.kind },
    });
    return id;
  });
}

/**
 * Changes an authority's names and details. The preferred name it had stays as another name (so
 * imports and searches that use it still find the record), unless it is now the preferred one.
 */
export async function updateAuthority(
  deps: AuthoritiesAdminDeps,
  input: { id: number; fields: AuthorityInput; context: ActionContext },
): Promise<{ keptFormerName: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const authorities = createAuthoritiesRepository({ db: trx });
    const current = await authorities.findById(input.id);
    if (!current) throw new AppError('authorities.not_found', 404, 'There is no such authority record.');
    const { fields } = input;
    await checkParent(trx, current.kind, current.id, fields.parentId);
    const owner = await authorities.findIdByName(current.kind, fields.name);
    if (owner !== undefined && owner !== current.id) {
      throw new AuthorityFieldError('name', `Record ${owner} already has this name: merge the two instead.`);
    }
    const renamed = nameMatchKey(current.name) !== nameMatchKey(fields.name);
    let variants = cleanVariants(fields.name, fields.variants);
    const keptFormerName =
      renamed && !variants.some((v) => nameMatchKey(v.name) === nameMatchKey(current.name));
    if (keptFormerName) variants = [...variants, { name: current.name, language: null }];
    for (const variant of variants) {
      const other = await authorities.findIdByName(current.kind, variant.name);
      if (other !== undefined && other !== current.id) {
        throw new AuthorityFieldError(
          'variants',
          `“${variant.name}” is a name of record ${other}: merge the two instead.`,
        );
      }
    }
    await trx
      .updateTable('authorities')
      .set({
        name: fields.name,
        note: fields.note,
        dates: fields.dates,
        parent_id: fields.parentId,
        ...positionOf(fields),
        updated_at: nowIso(),
      })
      .where('id', '=', current.id)
      .execute();
    await trx.deleteFrom('authority_names').where('authority_id', '=', current.id).execute();
    await trx
      .insertInto('authority_names')
      .values(
        [{ name: fields.name, language: null as string | null }, ...variants].map((v, position) => ({
          authority_id: current.id,
          name: v.name,
          match_key: nameMatchKey(v.name),
          language: v.language,
          position,
        })),
      )
      .execute();
    await refreshDocuments(deps, trx, await linkedDocumentIds(trx, [current.id]));
    await createAuditLog({ db: trx }).record({
      ...input.context,
      action: 'authority.edited',
      target: { type: 'authority', id: current.id, label: fields.name },
      details: renamed ? { from: current.name, to: fields.name } : { names: variants.length + 1 },
    });
    return { keptFormerName };
  });
}

/**
 * Merges a duplicate into the record that survives ("Mesyastev" into "Mesyatsev"), in one transaction:
 * every link moves to the survivor (documents' people, places, subjects..., the archive holding a
 * document, sub-places and sub-collections), every name of the duplicate becomes a name of the
 * survivor, the duplicate's address answers with a permanent redirect, and each affected document
 * is indexed again and gets a revision.
 */
export async function mergeAuthorities(
  deps: AuthoritiesAdminDeps,
  input: { duplicateId: number; survivorId: number; context: ActionContext },
): Promise<{ documents: number; survivor: Authority }> {
  if (input.duplicateId === input.survivorId) {
    throw new AuthorityFieldError('into', 'Choose another record to merge this one into.');
  }
  return deps.db.transaction().execute(async (trx) => {
    const authorities = createAuthoritiesRepository({ db: trx });
    const [duplicate, survivor] = await Promise.all([
      authorities.findById(input.duplicateId),
      authorities.findById(input.survivorId),
    ]);
    if (!duplicate) throw new AppError('authorities.not_found', 404, 'There is no such authority record.');
    if (!survivor)
      throw new AuthorityFieldError('into', `There is no record ${input.survivorId} to merge into.`);
    if (survivor.kind !== duplicate.kind) {
      throw new AuthorityFieldError(
        'into',
        `Record ${survivor.id} is a ${survivor.kind}, not a ${duplicate.kind}.`,
      );
    }
    const affected = await linkedDocumentIds(trx, [duplicate.id]);

    // A document linked to both in the same role keeps one link.
    await trx
      .deleteFrom('document_authorities')
      .where('authority_id', '=', duplicate.id)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('document_authorities as other')
            .select(sql`1`.as('one'))
            .whereRef('other.document_id', '=', 'document_authorities.document_id')
            .whereRef('other.role', '=', 'document_authorities.role')
            .where('other.authority_id', '=', survivor.id),
        ),
      )
      .execute();
    await trx
      .updateTable('document_authorities')
      .set({ authority_id: survivor.id })
      .where('authority_id', '=', duplicate.id)
      .execute();
    await trx
      .updateTable('documents')
      .set({ repository_id: survivor.id })
      .where('repository_id', '=', duplicate.id)
      .execute();
    await trx
      .updateTable('authorities')
      .set({ parent_id: survivor.id, updated_at: nowIso() })
      .where('parent_id', '=', duplicate.id)
      .where('id', '<>', survivor.id)
      .execute();
    // The survivor was under the duplicate: it takes the duplicate's place in the hierarchy.
    if (survivor.parentId === duplicate.id) {
      await trx
        .updateTable('authorities')
        .set({ parent_id: duplicate.parentId })
        .where('id', '=', survivor.id)
        .execute();
    }

    await authorities.addVariants(survivor.id, [
      { name: duplicate.name, language: null },
      ...duplicate.variants,
    ]);
    await authorities.completeDetails(survivor.id, { note: duplicate.note, dates: duplicate.dates });

    // Addresses that led to the duplicate, its own and those of records merged into it before, now lead here.
    await trx
      .updateTable('authority_redirects')
      .set({ to_id: survivor.id })
      .where('to_id', '=', duplicate.id)
      .execute();
    await trx
      .insertInto('authority_redirects')
      .values({
        from_id: duplicate.id,
        kind: duplicate.kind,
        from_slug: duplicate.slug,
        to_id: survivor.id,
        created_at: nowIso(),
      })
      .execute();
    // Themes that named the duplicate collection name the survivor (once) instead of losing it.
    await trx
      .deleteFrom('theme_collections')
      .where('collection_id', '=', duplicate.id)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('theme_collections as other')
            .select(sql`1`.as('one'))
            .whereRef('other.theme_id', '=', 'theme_collections.theme_id')
            .where('other.collection_id', '=', survivor.id),
        ),
      )
      .execute();
    await trx
      .updateTable('theme_collections')
      .set({ collection_id: survivor.id })
      .where('collection_id', '=', duplicate.id)
      .execute();
    await trx.deleteFrom('authorities').where('id', '=', duplicate.id).execute();

    await refreshDocuments(deps, trx, affected);
    for (const id of affected) {
      await recordRevision(trx, id, {
        author: input.context.actor,
        action: 'authority merged',
        note: `“${duplicate.name}” (${duplicate.id}) merged into “${survivor.name}” (${survivor.id})`,
      });
    }
    await createAuditLog({ db: trx }).record({
      ...input.context,
      action: 'authority.merged',
      target: { type: 'authority', id: survivor.id, label: survivor.name },
      details: { merged: duplicate.id, mergedName: duplicate.name, documents: affected.length },
    });
    return { documents: affected.length, survivor: (await authorities.findById(survivor.id))! };
  });
}
