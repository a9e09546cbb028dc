import type { Kysely, Selectable } from 'kysely';
import type { CuratedStatus, Database, DatePrecision, ThemesTable } from '../../database/tables.ts';
import type { HistoricalDate } from '../documents/historical-date.ts';
import { nowIso } from '../shared/text.ts';

export type Theme = {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  overviewHtml: string | null;
  status: CuratedStatus;
  updatedAt: string;
  /** Collection authority IDs, in the editor's order. */
  collectionIds: number[];
  events: ThemeEvent[];
};

export type ThemeEvent = {
  date: HistoricalDate;
  title: string;
  description: string | null;
  link: string | null;
};

export type ThemeFields = Omit<Theme, 'id' | 'updatedAt'>;

export type ThemesRepository = ReturnType<typeof createThemesRepository>;

/** SQL for themes, their collections and events. Only the queries and usecases call it. */
export function createThemesRepository({ db }: { db: Kysely<Database> }) {
  async function load(row: Selectable<ThemesTable>): Promise<Theme> {
    const [collections, events] = await Promise.all([
      db
        .selectFrom('theme_collections')
        .select('collection_id')
        .where('theme_id', '=', row.id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('theme_events')
        .selectAll()
        .where('theme_id', '=', row.id)
        .orderBy('date_start')
        .orderBy('position')
        .execute(),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      overviewHtml: row.overview_html,
      status: row.status,
      updatedAt: row.updated_at,
      collectionIds: collections.map((c) => c.collection_id),
      events: events.map((e) => ({
        date: {
          start: e.date_start,
          end: e.date_end,
          precision: e.date_precision as DatePrecision,
          circa: false,
          time: null,
        },
        title: e.title,
        description: e.description,
        link: e.link,
      })),
    };
  }

  async function replaceParts(id: number, fields: ThemeFields): Promise<void> {
    await db.deleteFrom('theme_collections').where('theme_id', '=', id).execute();
    await db.deleteFrom('theme_events').where('theme_id', '=', id).execute();
    const collections = [...new Set(fields.collectionIds)];
    if (collections.length > 0) {
      await db
        .insertInto('theme_collections')
        .values(collections.map((collection_id, position) => ({ theme_id: id, collection_id, position })))
        .execute();
    }
    if (fields.events.length > 0) {
      await db
        .insertInto('theme_events')
        .values(
          fields.events.map((e, position) => ({
            theme_id: id,
            date_start: e.date.start,
            date_end: e.date.end,
            date_precision: e.date.precision,
            title: e.title,
            description: e.description,
            link: e.link,
            position,
          })),
        )
        .execute();
    }
  }

  return {
    async findById(id: number): Promise<Theme | undefined> {
      const row = await db.selectFrom('themes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? load(row) : undefined;
    },

    async findBySlug(slug: string): Promise<Theme | undefined> {
      const row = await db.selectFrom('themes').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? load(row) : undefined;
    },

    async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
      let query = db.selectFrom('themes').select('id').where('slug', '=', slug);
      if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    /** Every theme (the workspace), or the published ones, by title. */
    async list(options: { publishedOnly: boolean }): Promise<Theme[]> {
      let query = db.selectFrom('themes').selectAll().orderBy('title').orderBy('id');
      if (options.publishedOnly) query = query.where('status', '=', 'published');
      return Promise.all((await query.execute()).map(load));
    },

    async create(fields: ThemeFields): Promise<number> {
      const now = nowIso();
      const { id } = await db
        .insertInto('themes')
        .values({
          slug: fields.slug,
          title: fields.title,
          summary: fields.summary,
          overview_html: fields.overviewHtml,
          status: fields.status,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceParts(id, fields);
      return id;
    },

    async update(id: number, fields: ThemeFields): Promise<void> {
      await db
        .updateTable('themes')
        .set({
          slug: fields.slug,
          title: fields.title,
          summary: fields.summary,
          overview_html: fields.overviewHtml,
          status: fields.status,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await replaceParts(id, fields);
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('themes').where('id', '=', id).execute();
    },
  };
}
