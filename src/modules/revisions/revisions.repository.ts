import type { Kysely, Selectable } from 'kysely';
import type { Database, DocumentRevisionsTable } from '../../database/tables.ts';

export type RevisionRow = Selectable<DocumentRevisionsTable>;

/** A revision without its snapshot, for lists. */
export type RevisionSummary = Omit<RevisionRow, 'snapshot'>;

export function createRevisionsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async nextNumber(documentId: number): Promise<number> {
      const row = await db
        .selectFrom('document_revisions')
        .select((eb) => eb.fn.max('number').as('last'))
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return Number(row?.last ?? 0) + 1;
    },

    /** The next revision number of each document (1 for a document without revisions). */
    async nextNumbers(documentIds: readonly number[]): Promise<Map<number, number>> {
      const next = new Map(documentIds.map((id) => [id, 1]));
      const ids = [...next.keys()];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('document_revisions')
          .select((eb) => ['document_id', eb.fn.max('number').as('last')])
          .where('document_id', 'in', ids.slice(i, i + 500))
          .groupBy('document_id')
          .execute();
        for (const row of rows) next.set(row.document_id, Number(row.last ?? 0) + 1);
      }
      return next;
    },

    async insert(row: Omit<RevisionRow, 'id'>): Promise<void> {
      await db.insertInto('document_revisions').values(row).execute();
    },

    async insertMany(rows: readonly Omit<RevisionRow, 'id'>[]): Promise<void> {
      // A few dozen rows per statement: each snapshot is a whole record, text included.
      for (let i = 0; i < rows.length; i += 50) {
        await db
          .insertInto('document_revisions')
          .values(rows.slice(i, i + 50))
          .execute();
      }
    },

    /** Newest first. */
    async list(documentId: number): Promise<RevisionSummary[]> {
      return db
        .selectFrom('document_revisions')
        .select([
          'id',
          'document_id',
          'number',
          'action',
          'author_id',
          'author_label',
          'status',
          'title',
          'note',
          'created_at',
        ])
        .where('document_id', '=', documentId)
        .orderBy('number', 'desc')
        .execute();
    },

    async find(documentId: number, number: number): Promise<RevisionRow | undefined> {
      return db
        .selectFrom('document_revisions')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('number', '=', number)
        .executeTakeFirst();
    },
  };
}
