import type { Kysely } from 'kysely';
import { type Database, type DocumentStatus, documentStatuses } from '../../database/tables.ts';

export type RecentDocument = {
  id: number;
  title: string;
  status: DocumentStatus;
  updatedAt: string;
  publishedAt: string | null;
};

/**
 * What the staff dashboard reads: documents of every status. Only workspace routes behind
 * `requireRole` may call this; the public site reads through documents.queries.ts.
 */
export function createAdminRepository({ db }: { db: Kysely<Database> }) {
  return {
    async countByStatus(): Promise<Record<DocumentStatus, number>> {
      const rows = await db
        .selectFrom('documents')
        .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      const counts = Object.fromEntries(documentStatuses.map((s) => [s, 0])) as Record<
        DocumentStatus,
        number
      >;
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },

    async recentDocuments({
      status,
      limit,
    }: {
      status?: DocumentStatus | undefined;
      limit: number;
    }): Promise<RecentDocument[]> {
      let query = db
        .selectFrom('documents')
        .select(['id', 'title', 'status', 'updated_at', 'published_at'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (status) query = query.where('status', '=', status);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        updatedAt: row.updated_at,
        publishedAt: row.published_at,
      }));
    },
  };
}
