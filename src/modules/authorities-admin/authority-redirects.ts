import type { Kysely } from 'kysely';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import { getPublicAuthority } from '../authorities/authorities.page-data.ts';
import type { Authority } from '../authorities/authorities.repository.ts';

/**
 * Where the public address of a merged authority leads now: the record it was merged into, when
 * that record is public itself. A survivor known only from unpublished documents is not revealed
 * (its ID, or a collection's slug, would say what the archive is preparing): the old address
 * answers 404 instead.
 */
export async function publicRedirectTarget(
  { db }: { db: Kysely<Database> },
  kind: AuthorityKind,
  key: { id: number } | { slug: string },
): Promise<Authority | undefined> {
  let query = db.selectFrom('authority_redirects').select('to_id').where('kind', '=', kind);
  query = 'id' in key ? query.where('from_id', '=', key.id) : query.where('from_slug', '=', key.slug);
  const redirect = await query.orderBy('created_at', 'desc').executeTakeFirst();
  if (!redirect) return undefined;
  try {
    return (await getPublicAuthority({ db }, kind, { id: redirect.to_id })).authority;
  } catch {
    return undefined;
  }
}
