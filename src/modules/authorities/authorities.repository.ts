import type { Kysely, Selectable } from 'kysely';
import type { AuthoritiesTable, AuthorityKind, Database } from '../../database/tables.ts';
import { nowIso, slugify } from '../shared/text.ts';

export type NameVariant = { name: string; language: string | null };

export type Authority = {
  id: number;
  kind: AuthorityKind;
  name: string;
  slug: string;
  parentId: number | null;
  note: string | null;
  dates: string | null;
  /** Other names, in the order they were given; the preferred name is not repeated here. */
  variants: NameVariant[];
};

export type NewAuthority = {
  kind: AuthorityKind;
  name: string;
  slug?: string | undefined;
  parentId?: number | null;
  note?: string | null;
  dates?: string | null;
  variants?: NameVariant[];
  /** Kept when importing a record set that carries authority IDs; otherwise assigned. */
  id?: number | undefined;
};

/** The form names are compared in: "Mesyatsev", " mesyatsev " and "ＭＥＳＹＡＴＳＥＶ" are one name. */
export const nameMatchKey = (name: string): string =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** An authority row and its other names, as the rest of the code sees them. */
export const authorityOfRow = (row: Selectable<AuthoritiesTable>, variants: NameVariant[]): Authority => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  slug: row.slug,
  parentId: row.parent_id,
  note: row.note,
  dates: row.dates,
  variants,
});

export type AuthoritiesRepository = ReturnType<typeof createAuthoritiesRepository>;

export function createAuthoritiesRepository({ db }: { db: Kysely<Database> }) {
  async function loadNames(ids: number[]): Promise<Map<number, { preferred: string; rows: NameVariant[] }>> {
    const byId = new Map<number, { preferred: string; rows: NameVariant[] }>();
    if (ids.length === 0) return byId;
    const rows = await db
      .selectFrom('authority_names')
      .select(['authority_id', 'name', 'language', 'position'])
      .where('authority_id', 'in', ids)
      .orderBy('authority_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const entry = byId.get(row.authority_id) ?? { preferred: '', rows: [] };
      if (row.position === 0) entry.preferred = row.name;
      else entry.rows.push({ name: row.name, language: row.language });
      byId.set(row.authority_id, entry);
    }
    return byId;
  }

  async function findManyByIds(ids: number[]): Promise<Authority[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await db.selectFrom('authorities').selectAll().where('id', 'in', unique).execute();
    const names = await loadNames(unique);
    return rows.map((row) => authorityOfRow(row, names.get(row.id)?.rows ?? []));
  }

  async function uniqueSlug(kind: AuthorityKind, wanted: string): Promise<string> {
    const base = slugify(wanted);
    const taken = new Set(
      (
        await db
          .selectFrom('authorities')
          .select('slug')
          .where('kind', '=', kind)
          .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
          .execute()
      ).map((row) => row.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  async function addNames(authorityId: number, names: NameVariant[], firstPosition: number): Promise<void> {
    if (names.length === 0) return;
    await db
      .insertInto('authority_names')
      .values(
        names.map((variant, index) => ({
          authority_id: authorityId,
          name: variant.name,
          match_key: nameMatchKey(variant.name),
          language: variant.language,
          position: firstPosition + index,
        })),
      )
      .execute();
  }

  return {
    findManyByIds,

    async findById(id: number): Promise<Authority | undefined> {
      return (await findManyByIds([id]))[0];
    },

    async findBySlug(kind: AuthorityKind, slug: string): Promise<Authority | undefined> {
      const row = await db
        .selectFrom('authorities')
        .select('id')
        .where('kind', '=', kind)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? (await findManyByIds([row.id]))[0] : undefined;
    },

    /** Finds an authority of this kind by any of its names. The oldest wins if names are shared. */
    async findIdByName(kind: AuthorityKind, name: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('authority_names')
        .innerJoin('authorities', 'authorities.id', 'authority_names.authority_id')
        .select('authorities.id')
        .where('authorities.kind', '=', kind)
        .where('authority_names.match_key', '=', nameMatchKey(name))
        .orderBy('authorities.id')
        .executeTakeFirst();
      return row?.id;
    },

    async kindOf(id: number): Promise<AuthorityKind | undefined> {
      const row = await db.selectFrom('authorities').select('kind').where('id', '=', id).executeTakeFirst();
      return row?.kind;
    },

    async create(input: NewAuthority): Promise<number> {
      const now = nowIso();
      const values = {
        kind: input.kind,
        name: input.name,
        slug: await uniqueSlug(input.kind, input.slug ?? input.name),
        parent_id: input.parentId ?? null,
        note: input.note ?? null,
        dates: input.dates ?? null,
        created_at: now,
        updated_at: now,
      };
      const inserted = await db
        .insertInto('authorities')
        .values(input.id === undefined ? values : { ...values, id: input.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      const variants = (input.variants ?? []).filter(
        (v) => nameMatchKey(v.name) !== nameMatchKey(input.name),
      );
      await addNames(inserted.id, [{ name: input.name, language: null }, ...variants], 0);
      return inserted.id;
    },

    /** Adds the names this authority does not have yet (compared by match key). */
    async addVariants(authorityId: number, variants: NameVariant[]): Promise<void> {
      const existing = await db
        .selectFrom('authority_names')
        .select(['match_key', 'position'])
        .where('authority_id', '=', authorityId)
        .execute();
      const known = new Set(existing.map((row) => row.match_key));
      const fresh: NameVariant[] = [];
      for (const variant of variants) {
        const key = nameMatchKey(variant.name);
        if (known.has(key)) continue;
        known.add(key);
        fresh.push(variant);
      }
      const next = existing.reduce((max, row) => Math.max(max, row.position), 0) + 1;
      await addNames(authorityId, fresh, next);
    },

    /** Fills in details the authority lacks; never overwrites what an editor wrote. */
    async completeDetails(
      authorityId: number,
      details: { parentId?: number | null; note?: string | null; dates?: string | null },
    ): Promise<void> {
      const row = await db
        .selectFrom('authorities')
        .select(['parent_id', 'note', 'dates'])
        .where('id', '=', authorityId)
        .executeTakeFirstOrThrow();
      const update = {
        ...(row.parent_id === null && details.parentId ? { parent_id: details.parentId } : {}),
        ...(row.note === null && details.note ? { note: details.note } : {}),
        ...(row.dates === null && details.dates ? { dates: details.dates } : {}),
      };
      if (Object.keys(update).length === 0) return;
      await db
        .updateTable('authorities')
        .set({ ...update, updated_at: nowIso() })
        .where('id', '=', authorityId)
        .execute();
    },

    async list(kind?: AuthorityKind): Promise<Authority[]> {
      let query = db.selectFrom('authorities').select('id').orderBy('kind').orderBy('name');
      if (kind) query = query.where('kind', '=', kind);
      const ids = (await query.execute()).map((row) => row.id);
      const found = await findManyByIds(ids);
      const byId = new Map(found.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id)!);
    },

    /** The chain of ancestors of a place or collection, nearest first; stops at cycles. */
    async ancestors(id: number): Promise<Authority[]> {
      const chain: Authority[] = [];
      const seen = new Set<number>([id]);
      let current = (await findManyByIds([id]))[0];
      while (current?.parentId && !seen.has(current.parentId)) {
        seen.add(current.parentId);
        current = (await findManyByIds([current.parentId]))[0];
        if (current) chain.push(current);
      }
      return chain;
    },
  };
}
