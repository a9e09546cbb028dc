import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import { type Authority, authorityOfRow } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository, type DocumentStub } from '../documents/documents.repository.ts';

/**
 * What the browse pages read. Like every public query, only published documents are counted or
 * listed, and an authority appears only when a published document leads to it.
 */

type Db = { db: Kysely<Database> };

/**
 * The level a date is known to. A document whose span lies within one year (and is not stated as a
 * decade) counts under that year; anything coarser (a decade, a span of years) counts under the
 * decade its span starts in, as "dated only to the decade".
 */
const withinOneYear = sql<boolean>`(substr(date_start, 1, 4) = substr(coalesce(date_end, date_start), 1, 4)
  and coalesce(date_precision, 'day') <> 'decade')`;

export type YearCount = { year: number; exactYear: boolean; count: number };

/** Published documents per start year, split by whether the date is known to the year; and the undated. */
export async function countByDate({ db }: Db): Promise<{ years: YearCount[]; undated: number }> {
  const [rows, undated] = await Promise.all([
    sql<{ year: number | string; exact_year: number | string; n: number | string }>`
      select cast(substr(date_start, 1, 4) as integer) as year,
        case when ${withinOneYear} then 1 else 0 end as exact_year,
        count(*) as n
      from documents
      where status = 'published' and date_start is not null
      group by cast(substr(date_start, 1, 4) as integer), case when ${withinOneYear} then 1 else 0 end`.execute(
      db,
    ),
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .where('date_start', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    years: rows.rows.map((r) => ({
      year: Number(r.year),
      exactYear: Number(r.exact_year) === 1,
      count: Number(r.n),
    })),
    undated: Number(undated.n),
  };
}

/** A set of documents on the date pages: one year, the decade-only ones of a decade, or the undated. */
export type DateSelection = { year: number } | { decadeOnly: number } | { undated: true };

const pad4 = (n: number) => String(n).padStart(4, '0');

export type ListedDocument = DocumentStub & { summary: string | null };

/** One page of the published documents of a date selection, in date order. */
export async function listByDate(
  { db }: Db,
  selection: DateSelection,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ total: number; items: ListedDocument[] }> {
  const where = (eb: ExpressionBuilder<Database, 'documents'>) => {
    const published = eb('status', '=', 'published');
    if ('undated' in selection) return eb.and([published, eb('date_start', 'is', null)]);
    const [from, to] =
      'year' in selection
        ? [selection.year, selection.year]
        : [selection.decadeOnly, selection.decadeOnly + 9];
    const level = 'year' in selection ? withinOneYear : sql<boolean>`not ${withinOneYear}`;
    return eb.and([
      published,
      eb('date_start', '>=', `${pad4(from)}-01-01`),
      eb('date_start', '<=', `${pad4(to)}-12-31`),
      level,
    ]);
  };
  const [count, rows] = await Promise.all([
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('documents')
      .select('id')
      .where(where)
      .orderBy('date_start')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const items = await createDocumentsRepository({ db }).listPublishedSummaries(rows.map((r) => r.id));
  return { total: Number(count.n), items };
}

/** Published documents per authority of a kind (distinct documents, whatever the role). */
async function documentCounts(db: Kysely<Database>, kind: AuthorityKind): Promise<Map<number, number>> {
  const linked = db
    .selectFrom('document_authorities')
    .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
    .innerJoin('authorities', 'authorities.id', 'document_authorities.authority_id')
    .select([
      'document_authorities.authority_id as id',
      (eb) => eb.fn.count<number>('document_authorities.document_id').distinct().as('n'),
    ])
    .where('documents.status', '=', 'published')
    .where('authorities.kind', '=', kind)
    .groupBy('document_authorities.authority_id');
  // The archive holding the original is a column of the document, not a link.
  const rows =
    kind === 'repository'
      ? await db
          .selectFrom('documents')
          .select(['repository_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', '=', 'published')
          .where('repository_id', 'is not', null)
          .groupBy('repository_id')
          .execute()
      : await linked.execute();
  const counts = new Map<number, number>();
  for (const row of rows) if (row.id !== null) counts.set(row.id, (counts.get(row.id) ?? 0) + Number(row.n));
  return counts;
}

/** Every authority of a kind with its names, read in two queries however many there are. */
async function authoritiesOfKind(db: Kysely<Database>, kind: AuthorityKind): Promise<Authority[]> {
  const [rows, names] = await Promise.all([
    db.selectFrom('authorities').selectAll().where('kind', '=', kind).execute(),
    db
      .selectFrom('authority_names')
      .innerJoin('authorities', 'authorities.id', 'authority_names.authority_id')
      .select(['authority_names.authority_id', 'authority_names.name', 'authority_names.language'])
      .where('authorities.kind', '=', kind)
      .where('authority_names.position', '>', 0)
      .orderBy('authority_names.authority_id')
      .orderBy('authority_names.position')
      .execute(),
  ]);
  const variants = new Map<number, { name: string; language: string | null }[]>();
  for (const n of names) {
    const list = variants.get(n.authority_id) ?? [];
    list.push({ name: n.name, language: n.language });
    variants.set(n.authority_id, list);
  }
  return rows.map((row) => authorityOfRow(row, variants.get(row.id) ?? []));
}

export type CountedAuthority = { authority: Authority; count: number };

/** The authorities of a kind that published documents lead to, with their document counts. */
export async function countedAuthorities({ db }: Db, kind: AuthorityKind): Promise<CountedAuthority[]> {
  const [counts, all] = await Promise.all([documentCounts(db, kind), authoritiesOfKind(db, kind)]);
  return all
    .filter((a) => counts.has(a.id))
    .map((authority) => ({ authority, count: counts.get(authority.id)! }));
}

export type PlaceNode = CountedAuthority & { children: PlaceNode[] };

/**
 * The place hierarchy with, for each place, the published documents linked to it or to any place
 * within it (each document once). The walk up the hierarchy is a recursive query whose UNION drops
 * repeated rows, so it ends even if the data holds a cycle.
 */
export async function placeTree({ db }: Db): Promise<PlaceNode[]> {
  const counts = await sql<{ id: number; n: number | string }>`
    with recursive up (place_id, ancestor_id) as (
      select id, id from authorities where kind = 'place'
      union
      select up.place_id, a.parent_id from up
        join authorities a on a.id = up.ancestor_id
        where a.parent_id is not null
    )
    select up.ancestor_id as id, count(distinct da.document_id) as n
    from document_authorities da
      join documents d on d.id = da.document_id
      join up on up.place_id = da.authority_id
    where d.status = 'published'
    group by up.ancestor_id`.execute(db);
  const countOf = new Map(counts.rows.map((r) => [Number(r.id), Number(r.n)]));
  const nodes = new Map<number, PlaceNode>();
  for (const authority of await authoritiesOfKind(db, 'place')) {
    const count = countOf.get(authority.id);
    if (count) nodes.set(authority.id, { authority, count, children: [] });
  }
  const roots: PlaceNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.authority.parentId === null ? undefined : nodes.get(node.authority.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Places caught in a cycle have no root above them: they are shown at the top instead of vanishing.
  const reached = new Set<number>();
  const visit = (node: PlaceNode) => {
    if (reached.has(node.authority.id)) return;
    reached.add(node.authority.id);
    for (const child of node.children) visit(child);
  };
  roots.forEach(visit);
  for (const node of nodes.values()) {
    if (reached.has(node.authority.id)) continue;
    roots.push(node);
    visit(node);
  }
  const sortTree = (list: PlaceNode[], seen: Set<number>): PlaceNode[] => {
    const sorted = list
      .filter((n) => !seen.has(n.authority.id))
      .sort((a, b) => a.authority.name.localeCompare(b.authority.name));
    for (const n of sorted) seen.add(n.authority.id);
    for (const n of sorted) n.children = sortTree(n.children, seen);
    return sorted;
  };
  return sortTree(roots, new Set());
}

/** How many authorities of each kind published documents lead to, for the browse index. */
export async function countsByKind({ db }: Db): Promise<Partial<Record<AuthorityKind, number>>> {
  const [linked, repositories] = await Promise.all([
    db
      .selectFrom('authorities')
      .innerJoin('document_authorities', 'document_authorities.authority_id', 'authorities.id')
      .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
      .select(['authorities.kind', (eb) => eb.fn.count<number>('authorities.id').distinct().as('n')])
      .where('documents.status', '=', 'published')
      .groupBy('authorities.kind')
      .execute(),
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.count<number>('repository_id').distinct().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
  ]);
  const counts: Partial<Record<AuthorityKind, number>> = {};
  for (const row of linked) counts[row.kind] = Number(row.n);
  counts.repository = Number(repositories.n);
  return counts;
}
