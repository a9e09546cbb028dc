import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type {
  AgentRole,
  AssetKind,
  AssetsTable,
  CreditRole,
  Database,
  DocumentLinkKind,
  DocumentStatus,
  DocumentsTable,
  LinkRole,
} from '../../database/tables.ts';
import { type Authority, createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import type { HistoricalDate } from './historical-date.ts';

export type LinkedAuthority = Authority & { role: LinkRole };

export type DocumentStub = {
  id: number;
  externalId: string | null;
  title: string;
  status: DocumentStatus;
  date: HistoricalDate | null;
};

export type StoredAsset = {
  id: number;
  kind: AssetKind;
  language: string | null;
  label: string | null;
  translator: string | null;
  html: string | null;
  blobSha256: string | null;
  fileName: string | null;
  mediaType: string | null;
  byteSize: number | null;
  pageCount: number | null;
  createdAt: string;
  updatedAt: string;
};

/** A document with everything it links to, as pages, the API and the exporter need it. */
export type StoredDocument = DocumentStub & {
  subtitle: string | null;
  summary: string | null;
  placeOfOrigin: string | null;
  type: string | null;
  classifications: string[];
  languages: string[];
  repository: Authority | null;
  archivalReference: string | null;
  program: string | null;
  credits: { role: CreditRole; name: string }[];
  rights: string | null;
  funders: Authority[];
  subjects: Authority[];
  places: Authority[];
  agents: (Authority & { role: AgentRole })[];
  collections: Authority[];
  /** Related documents, whichever side the link was made from. */
  related: DocumentStub[];
  attachments: DocumentStub[];
  /** Documents this one is attached to. */
  attachedTo: DocumentStub[];
  assets: StoredAsset[];
  withdrawalReason: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** When a scheduled document is to be published. */
  scheduledFor: string | null;
};

/** The columns of `documents` a save writes (everything but the ID). */
export type DocumentRow = Omit<Selectable<DocumentsTable>, 'id'>;

export type DocumentLinks = {
  languages: string[];
  classifications: string[];
  credits: { role: CreditRole; name: string }[];
  authorities: { authorityId: number; role: LinkRole }[];
  documents: { targetId: number; kind: DocumentLinkKind }[];
};

export type AssetRow = Omit<StoredAsset, 'id' | 'byteSize' | 'createdAt' | 'updatedAt'>;

export const dateOfRow = (
  row: Pick<DocumentRow, 'date_start' | 'date_end' | 'date_precision' | 'date_circa' | 'date_time'>,
): HistoricalDate | null =>
  row.date_start && row.date_end && row.date_precision
    ? {
        start: row.date_start,
        end: row.date_end,
        precision: row.date_precision,
        circa: row.date_circa === 1,
        time: row.date_time,
      }
    : null;

const stubOf = (row: Selectable<DocumentsTable>): DocumentStub => ({
  id: row.id,
  externalId: row.external_id,
  title: row.title,
  status: row.status,
  date: dateOfRow(row),
});

/** Most IDs read in one `in (...)` list, well within every driver's parameter limit. */
const readChunk = 500;

/** Rows in slices small enough for one statement's parameters on every driver. */
function chunked<Row>(rows: readonly Row[], size = 500): Row[][] {
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Rows grouped by document, keeping their order. */
function groupBy<Row extends { document_id: number }>(rows: readonly Row[]): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.document_id);
    if (group) group.push(row);
    else groups.set(row.document_id, [row]);
  }
  return groups;
}

type LinkTables = Pick<
  Database,
  | 'document_languages'
  | 'document_classifications'
  | 'document_credits'
  | 'document_authorities'
  | 'document_links'
>;

type LinkRows = {
  languages: Insertable<LinkTables['document_languages']>[];
  classifications: Insertable<LinkTables['document_classifications']>[];
  credits: Insertable<LinkTables['document_credits']>[];
  authorities: Insertable<LinkTables['document_authorities']>[];
  documents: Insertable<LinkTables['document_links']>[];
};

/**
 * The rows of a document's lists: repeats dropped, positions in the order given. `existingReverse`:
 * documents that already hold a related link to this one, which is not stored a second time.
 */
function linkRowsOf(id: number, links: DocumentLinks, existingReverse: ReadonlySet<number>): LinkRows {
  const unique = <T>(items: readonly T[], key: (item: T) => string) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    languages: [...new Set(links.languages)].map((language, position) => ({
      document_id: id,
      language,
      position,
    })),
    classifications: [...new Set(links.classifications)].map((marking, position) => ({
      document_id: id,
      marking,
      position,
    })),
    credits: links.credits.map((c, position) => ({ document_id: id, role: c.role, name: c.name, position })),
    authorities: unique(links.authorities, (l) => `${l.authorityId}:${l.role}`).map((l, position) => ({
      document_id: id,
      authority_id: l.authorityId,
      role: l.role,
      position,
    })),
    documents: unique(
      links.documents.filter(
        (l) => l.targetId !== id && !(l.kind === 'related' && existingReverse.has(l.targetId)),
      ),
      (l) => `${l.targetId}:${l.kind}`,
    ).map((l, position) => ({ document_id: id, target_id: l.targetId, kind: l.kind, position })),
  };
}

/** The columns of an asset row a save writes, besides its document and times. */
const assetValues = (a: AssetRow, position: number) => ({
  kind: a.kind,
  language: a.language,
  label: a.label,
  translator: a.translator,
  html: a.html,
  blob_sha256: a.blobSha256,
  file_name: a.fileName,
  media_type: a.mediaType,
  page_count: a.pageCount,
  position,
});

const newAssetRow = (id: number, a: AssetRow, position: number, now: string): Insertable<AssetsTable> => ({
  ...assetValues(a, position),
  document_id: id,
  created_at: now,
  updated_at: now,
});

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;

export function createDocumentsRepository({ db }: { db: Kysely<Database> }) {
  const authorities = createAuthoritiesRepository({ db });

  async function stubs(ids: number[]): Promise<Map<number, DocumentStub>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((row) => [row.id, stubOf(row)]));
  }

  async function insertLinkRows(rows: readonly LinkRows[]): Promise<void> {
    for (const chunk of chunked(rows.flatMap((r) => r.languages)))
      await db.insertInto('document_languages').values(chunk).execute();
    for (const chunk of chunked(rows.flatMap((r) => r.classifications)))
      await db.insertInto('document_classifications').values(chunk).execute();
    for (const chunk of chunked(rows.flatMap((r) => r.credits)))
      await db.insertInto('document_credits').values(chunk).execute();
    for (const chunk of chunked(rows.flatMap((r) => r.authorities)))
      await db.insertInto('document_authorities').values(chunk).execute();
    for (const chunk of chunked(rows.flatMap((r) => r.documents)))
      await db.insertInto('document_links').values(chunk).execute();
  }

  /** New asset rows in position order (so their IDs follow the order given), a hundred per statement. */
  async function insertAssetRows(rows: readonly Insertable<AssetsTable>[]): Promise<void> {
    for (const chunk of chunked(rows, 100)) await db.insertInto('assets').values(chunk).execute();
  }

  /**
   * Documents with everything they link to, in the order of `ids` (missing ones left out). Each list
   * is read for all the documents in one query, so reading a batch costs what reading one does.
   */
  async function findManyByIds(ids: readonly number[]): Promise<StoredDocument[]> {
    const unique = [...new Set(ids)];
    if (unique.length > readChunk) {
      const found: StoredDocument[] = [];
      for (let i = 0; i < unique.length; i += readChunk)
        found.push(...(await findManyByIds(unique.slice(i, i + readChunk))));
      return found;
    }
    if (unique.length === 0) return [];
    const rows = await db.selectFrom('documents').selectAll().where('id', 'in', unique).execute();
    if (rows.length === 0) return [];
    const present = rows.map((row) => row.id);

    const [languages, classifications, credits, authorityLinks, links, assets] = await Promise.all([
      db
        .selectFrom('document_languages')
        .select(['document_id', 'language'])
        .where('document_id', 'in', present)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('document_classifications')
        .select(['document_id', 'marking'])
        .where('document_id', 'in', present)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('document_credits')
        .select(['document_id', 'role', 'name'])
        .where('document_id', 'in', present)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('document_authorities')
        .select(['document_id', 'authority_id', 'role'])
        .where('document_id', 'in', present)
        .orderBy('document_id')
        .orderBy('position')
        .execute(),
      // Ties in position (a document's own link and one made from another document) are ordered by
      // the documents' IDs, so one document reads the same alone or in a batch.
      db
        .selectFrom('document_links')
        .select(['document_id', 'target_id', 'kind'])
        .where((eb) => eb.or([eb('document_id', 'in', present), eb('target_id', 'in', present)]))
        .orderBy('position')
        .orderBy('document_id')
        .orderBy('target_id')
        .execute(),
      db
        .selectFrom('assets')
        .leftJoin('blobs', 'blobs.sha256', 'assets.blob_sha256')
        .selectAll('assets')
        .select('blobs.byte_size')
        .where('document_id', 'in', present)
        .orderBy('assets.document_id')
        .orderBy('assets.position')
        .execute(),
    ]);

    const linked = await authorities.findManyByIds([
      ...authorityLinks.map((link) => link.authority_id),
      ...rows.flatMap((row) => (row.repository_id ? [row.repository_id] : [])),
    ]);
    const byId = new Map(linked.map((a) => [a.id, a]));
    const presentIds = new Set(present);
    const linkedDocs = await stubs(
      links.flatMap((l) => [l.document_id, l.target_id]).filter((docId) => !presentIds.has(docId)),
    );
    for (const row of rows) linkedDocs.set(row.id, stubOf(row));

    const languagesOf = groupBy(languages);
    const classificationsOf = groupBy(classifications);
    const creditsOf = groupBy(credits);
    const authorityLinksOf = groupBy(authorityLinks);
    const assetsOf = groupBy(assets);
    const byRow = new Map(rows.map((row) => [row.id, row]));
    const linksOf = new Map<number, typeof links>();
    for (const link of links) {
      for (const end of new Set([link.document_id, link.target_id])) {
        if (!presentIds.has(end)) continue;
        const list = linksOf.get(end);
        if (list) list.push(link);
        else linksOf.set(end, [link]);
      }
    }

    return unique.flatMap((id): StoredDocument[] => {
      const row = byRow.get(id);
      if (!row) return [];
      const ownAuthorityLinks = authorityLinksOf.get(id) ?? [];
      const withRole = (role: LinkRole) =>
        ownAuthorityLinks
          .filter((l) => l.role === role && byId.has(l.authority_id))
          .map((l) => byId.get(l.authority_id)!);
      const ownLinks = linksOf.get(id) ?? [];
      const pick = (
        predicate: (l: (typeof links)[number]) => boolean,
        other: (l: (typeof links)[number]) => number,
      ) =>
        ownLinks
          .filter(predicate)
          .map(other)
          .map((docId) => linkedDocs.get(docId))
          .filter((doc): doc is DocumentStub => doc !== undefined);

      return [
        {
          ...stubOf(row),
          subtitle: row.subtitle,
          summary: row.summary,
          placeOfOrigin: row.place_of_origin,
          type: row.document_type,
          classifications: (classificationsOf.get(id) ?? []).map((r) => r.marking),
          languages: (languagesOf.get(id) ?? []).map((r) => r.language),
          repository: row.repository_id ? (byId.get(row.repository_id) ?? null) : null,
          archivalReference: row.archival_reference,
          program: row.program,
          credits: (creditsOf.get(id) ?? []).map((c) => ({ role: c.role, name: c.name })),
          rights: row.rights,
          funders: withRole('funder'),
          subjects: withRole('subject'),
          places: withRole('place'),
          agents: ownAuthorityLinks
            .filter(
              (l) =>
                byId.has(l.authority_id) &&
                ['author', 'recipient', 'participant', 'mentioned'].includes(l.role),
            )
            .map((l) => ({ ...byId.get(l.authority_id)!, role: l.role as AgentRole })),
          collections: withRole('collection'),
          related: pick(
            (l) => l.kind === 'related',
            (l) => (l.document_id === id ? l.target_id : l.document_id),
          ),
          attachments: pick(
            (l) => l.kind === 'attachment' && l.document_id === id,
            (l) => l.target_id,
          ),
          attachedTo: pick(
            (l) => l.kind === 'attachment' && l.target_id === id,
            (l) => l.document_id,
          ),
          assets: (assetsOf.get(id) ?? []).map((a) => ({
            id: a.id,
            kind: a.kind,
            language: a.language,
            label: a.label,
            translator: a.translator,
            html: a.html,
            blobSha256: a.blob_sha256,
            fileName: a.file_name,
            mediaType: a.media_type,
            byteSize: a.byte_size === null ? null : Number(a.byte_size),
            pageCount: a.page_count,
            createdAt: a.created_at,
            updatedAt: a.updated_at,
          })),
          withdrawalReason: row.withdrawal_reason,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          publishedAt: row.published_at,
          scheduledFor: row.scheduled_for,
        },
      ];
    });
  }

  return {
    findManyByIds,

    async findById(id: number): Promise<StoredDocument | undefined> {
      return (await findManyByIds([id]))[0];
    },

    async findStatus(id: number): Promise<DocumentStatus | undefined> {
      const row = await db.selectFrom('documents').select('status').where('id', '=', id).executeTakeFirst();
      return row?.status;
    },

    async findIdByExternalId(externalId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('documents')
        .select('id')
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row?.id;
    },

    /** A document's external ID (null when it has none); undefined when there is no such document. */
    async findExternalId(id: number): Promise<string | null | undefined> {
      const row = await db
        .selectFrom('documents')
        .select('external_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? row.external_id : undefined;
    },

    async exists(id: number): Promise<boolean> {
      return (
        (await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },

    async insert(row: DocumentRow, id?: number): Promise<number> {
      const inserted = await db
        .insertInto('documents')
        .values(id === undefined ? row : { ...row, id })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    async update(id: number, row: DocumentRow): Promise<void> {
      await db.updateTable('documents').set(row).where('id', '=', id).execute();
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('documents').where('id', '=', id).execute();
    },

    /**
     * Replaces every list a document holds. Links made from other documents to this one are kept.
     * `fresh`: the document was just created, so there is nothing to replace (saves the lookups).
     */
    async replaceLinks(id: number, links: DocumentLinks, { fresh = false } = {}): Promise<void> {
      if (!fresh) {
        await db.deleteFrom('document_languages').where('document_id', '=', id).execute();
        await db.deleteFrom('document_classifications').where('document_id', '=', id).execute();
        await db.deleteFrom('document_credits').where('document_id', '=', id).execute();
        await db.deleteFrom('document_authorities').where('document_id', '=', id).execute();
        await db.deleteFrom('document_links').where('document_id', '=', id).execute();
      }

      // A related link is symmetric: when the other document already links here, it is not stored twice.
      const existingReverse =
        fresh || links.documents.length === 0
          ? []
          : (
              await db
                .selectFrom('document_links')
                .select('document_id')
                .where('target_id', '=', id)
                .where('kind', '=', 'related')
                .execute()
            ).map((r) => r.document_id);
      await insertLinkRows([linkRowsOf(id, links, new Set(existingReverse))]);
    },

    /**
     * Writes the lists and assets of documents just created (nothing to replace), all of them in a few
     * statements: the rows are the ones replaceLinks and replaceAssets would write one by one.
     */
    async insertNewDocumentsContents(
      documents: readonly { id: number; links: DocumentLinks; assets: AssetRow[] }[],
      now: string,
    ): Promise<void> {
      await insertLinkRows(documents.map((d) => linkRowsOf(d.id, d.links, new Set())));
      await insertAssetRows(
        documents.flatMap((d) => d.assets.map((a, position) => newAssetRow(d.id, a, position, now))),
      );
    },

    /**
     * Replaces a document's assets. An asset that is still there keeps its row and so its ID, which
     * is part of its public file address: a scan matches by its file, a text without a file by kind
     * and language. Everything else is removed or added.
     */
    async replaceAssets(id: number, assets: AssetRow[], now: string, { fresh = false } = {}): Promise<void> {
      const existing = fresh
        ? []
        : await db
            .selectFrom('assets')
            .selectAll()
            .where('document_id', '=', id)
            .orderBy('position')
            .execute();
      const unused = [...existing];
      const take = (matches: (row: (typeof existing)[number]) => boolean) => {
        const index = unused.findIndex(matches);
        return index < 0 ? undefined : unused.splice(index, 1)[0];
      };
      const kept = assets.map((a) =>
        a.blobSha256 ? take((r) => r.kind === a.kind && r.blob_sha256 === a.blobSha256) : undefined,
      );
      assets.forEach((a, index) => {
        if (kept[index] || a.blobSha256) return;
        kept[index] = take((r) => r.kind === a.kind && r.blob_sha256 === null && r.language === a.language);
      });
      if (unused.length > 0) {
        await db
          .deleteFrom('assets')
          .where(
            'id',
            'in',
            unused.map((r) => r.id),
          )
          .execute();
      }
      const inserts: Insertable<AssetsTable>[] = [];
      for (const [position, a] of assets.entries()) {
        const row = kept[position];
        if (!row) {
          inserts.push(newAssetRow(id, a, position, now));
          continue;
        }
        const values = assetValues(a, position);
        const changed = (Object.keys(values) as (keyof typeof values)[]).some(
          (key) => row[key] !== values[key],
        );
        if (changed) {
          await db
            .updateTable('assets')
            .set({ ...values, updated_at: now })
            .where('id', '=', row.id)
            .execute();
        }
      }
      await insertAssetRows(inserts);
    },

    /** Published documents, newest publication first. */
    async listPublished({ limit, offset }: { limit: number; offset: number }): Promise<{
      total: number;
      items: DocumentStub[];
    }> {
      const [count, rows] = await Promise.all([
        db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('documents')
          .selectAll()
          .where('status', '=', 'published')
          .orderBy('published_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
      ]);
      return { total: Number(count.total), items: rows.map(stubOf) };
    },

    /** Summaries of published documents for lists: title, date, summary. */
    async listPublishedSummaries(ids: number[]): Promise<(DocumentStub & { summary: string | null })[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('documents')
        .selectAll()
        .where('id', 'in', ids)
        .where('status', '=', 'published')
        .execute();
      const byId = new Map(rows.map((r) => [r.id, { ...stubOf(r), summary: r.summary }]));
      return ids.map((id) => byId.get(id)).filter((d) => d !== undefined);
    },

    /** Published documents linked to an authority (any role), oldest document date first. */
    async publishedForAuthority(
      authorityId: number,
    ): Promise<(DocumentStub & { role: LinkRole | 'repository' })[]> {
      const rows = await db
        .selectFrom('document_authorities')
        .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
        .selectAll('documents')
        .select('document_authorities.role')
        .where('document_authorities.authority_id', '=', authorityId)
        .where('documents.status', '=', 'published')
        .orderBy('documents.date_start')
        .orderBy('documents.id')
        .execute();
      const viaRepository = await db
        .selectFrom('documents')
        .selectAll()
        .where('repository_id', '=', authorityId)
        .where('status', '=', 'published')
        .orderBy('date_start')
        .orderBy('id')
        .execute();
      return [
        ...rows.map((r) => ({ ...stubOf(r), role: r.role })),
        ...viaRepository.map((r) => ({ ...stubOf(r), role: 'repository' as const })),
      ];
    },

    async countAll(): Promise<number> {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    async allIds(): Promise<number[]> {
      return (await db.selectFrom('documents').select('id').orderBy('id').execute()).map((r) => r.id);
    },

    /** Marks public content as changed, so every process's page cache knows to re-render. */
    async bumpContentVersion(): Promise<void> {
      await db
        .updateTable('site_state')
        .set({ value: sql<number>`value + 1` })
        .where('key', '=', 'content_version')
        .execute();
    },

    async contentVersion(): Promise<number> {
      const row = await db
        .selectFrom('site_state')
        .select('value')
        .where('key', '=', 'content_version')
        .executeTakeFirst();
      return Number(row?.value ?? 0);
    },
  };
}
