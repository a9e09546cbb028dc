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

    async insert(row: Omit<RevisionRow, 'id'>): Promise<void> {
      await db.insertInto('document_revisions').values(row).execute();
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
