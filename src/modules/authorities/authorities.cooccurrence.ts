import type { Kysely } from 'kysely';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import { type Authority, createAuthoritiesRepository } from './authorities.repository.ts';

export type CoOccurrence = { authority: Authority; documents: number };

/**
 * The authorities of a kind that appear in the same published documents as this one, with the number
 * of documents they share, most shared first (then by name). Only published documents are counted,
 * so nobody is revealed by a draft they share with this person.
 */
export async function coOccurring(
  { db }: { db: Kysely<Database> },
  authorityId: number,
  { kind = 'person', limit = 12 }: { kind?: AuthorityKind; limit?: number } = {},
): Promise<CoOccurrence[]> {
  const rows = await db
    .selectFrom('document_authorities as self')
    .innerJoin('document_authorities as other', 'other.document_id', 'self.document_id')
    .innerJoin('documents', 'documents.id', 'self.document_id')
    .innerJoin('authorities', 'authorities.id', 'other.authority_id')
    .select(['other.authority_id as id', (eb) => eb.fn.count<number>('other.document_id').distinct().as('n')])
    .where('self.authority_id', '=', authorityId)
    .where('other.authority_id', '<>', authorityId)
    .where('documents.status', '=', 'published')
    .where('authorities.kind', '=', kind)
    .groupBy('other.authority_id')
    .orderBy('n', 'desc')
    .orderBy('other.authority_id')
    .limit(limit)
    .execute();
  const byId = new Map(
    (await createAuthoritiesRepository({ db }).findManyByIds(rows.map((r) => r.id))).map((a) => [a.id, a]),
  );
  return rows
    .filter((r) => byId.has(r.id))
    .map((r) => ({ authority: byId.get(r.id)!, documents: Number(r.n) }))
    .sort((a, b) => b.documents - a.documents || a.authority.name.localeCompare(b.authority.name));
}
