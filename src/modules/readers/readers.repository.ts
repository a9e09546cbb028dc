import type { Kysely, Selectable } from 'kysely';
import type { CuratedStatus, Database, ReadersTable } from '../../database/tables.ts';
import { nowIso } from '../shared/text.ts';

export type Reader = {
  id: number;
  slug: string;
  title: string;
  compiler: string | null;
  introductionHtml: string | null;
  status: CuratedStatus;
  createdAt: string;
  updatedAt: string;
  items: ReaderItem[];
};

export type ReaderItem = { documentId: number; note: string | null };

export type ReaderFields = Omit<Reader, 'id' | 'createdAt' | 'updatedAt'>;

/** SQL for readers and their items. Only the queries and usecases call it. */
export function createReadersRepository({ db }: { db: Kysely<Database> }) {
  async function load(row: Selectable<ReadersTable>): Promise<Reader> {
    const items = await db
      .selectFrom('reader_items')
      .select(['document_id', 'note'])
      .where('reader_id', '=', row.id)
      .orderBy('position')
      .execute();
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      compiler: row.compiler,
      introductionHtml: row.introduction_html,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      items: items.map((i) => ({ documentId: i.document_id, note: i.note })),
    };
  }

  async function replaceItems(id: number, items: ReaderItem[]): Promise<void> {
    await db.deleteFrom('reader_items').where('reader_id', '=', id).execute();
    const seen = new Set<number>();
    const unique = items.filter((i) => !seen.has(i.documentId) && seen.add(i.documentId));
    if (unique.length === 0) return;
    await db
      .insertInto('reader_items')
      .values(
        unique.map((item, position) => ({
          reader_id: id,
          document_id: item.documentId,
          note: item.note,
          position,
        })),
      )
      .execute();
  }

  const columns = (fields: ReaderFields) => ({
    slug: fields.slug,
    title: fields.title,
    compiler: fields.compiler,
    introduction_html: fields.introductionHtml,
    status: fields.status,
  });

  return {
    async findById(id: number): Promise<Reader | undefined> {
      const row = await db.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? load(row) : undefined;
    },

    async findBySlug(slug: string): Promise<Reader | undefined> {
      const row = await db.selectFrom('readers').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? load(row) : undefined;
    },

    async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
      let query = db.selectFrom('readers').select('id').where('slug', '=', slug);
      if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async list(options: { publishedOnly: boolean }): Promise<Reader[]> {
      let query = db.selectFrom('readers').selectAll().orderBy('title').orderBy('id');
      if (options.publishedOnly) query = query.where('status', '=', 'published');
      return Promise.all((await query.execute()).map(load));
    },

    async create(fields: ReaderFields): Promise<number> {
      const now = nowIso();
      const { id } = await db
        .insertInto('readers')
        .values({ ...columns(fields), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceItems(id, fields.items);
      return id;
    },

    async update(id: number, fields: ReaderFields): Promise<void> {
      await db
        .updateTable('readers')
        .set({ ...columns(fields), updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      await replaceItems(id, fields.items);
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('readers').where('id', '=', id).execute();
    },
  };
}
