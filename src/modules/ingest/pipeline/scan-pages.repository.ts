import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ScanFilesTable, ScanPagesTable } from '../../../database/tables.ts';

export type ScanFileRow = Selectable<ScanFilesTable>;
export type ScanPageRow = Selectable<ScanPagesTable>;
export type NewScanPage = Insertable<ScanPagesTable>;
export type DerivedBlob = { sha256: string; byteSize: number; mediaType: string };

export type ScanPagesRepository = ReturnType<typeof createScanPagesRepository>;

/** SQL for what the pipeline derives from scans, keyed by the scan file's SHA-256. */
export function createScanPagesRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Registers a scan for processing unless it is already known. */
    async ensureScanFile(sha256: string, mediaType: string, now: string): Promise<void> {
      await db
        .insertInto('scan_files')
        .values({
          blob_sha256: sha256,
          media_type: mediaType,
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('blob_sha256').doNothing())
        .execute();
    },

    findScanFile(sha256: string): Promise<ScanFileRow | undefined> {
      return db.selectFrom('scan_files').selectAll().where('blob_sha256', '=', sha256).executeTakeFirst();
    },

    async updateScanFile(sha256: string, changes: Updateable<ScanFilesTable>): Promise<void> {
      await db.updateTable('scan_files').set(changes).where('blob_sha256', '=', sha256).execute();
    },

    pages(sha256: string): Promise<ScanPageRow[]> {
      return db
        .selectFrom('scan_pages')
        .selectAll()
        .where('blob_sha256', '=', sha256)
        .orderBy('page')
        .execute();
    },

    page(sha256: string, page: number): Promise<ScanPageRow | undefined> {
      return db
        .selectFrom('scan_pages')
        .selectAll()
        .where('blob_sha256', '=', sha256)
        .where('page', '=', page)
        .executeTakeFirst();
    },

    /** Stores one finished page and the image files it refers to, replacing an earlier version. */
    async savePage(page: NewScanPage, blobs: DerivedBlob[], now: string): Promise<void> {
      for (const blob of blobs) {
        await db
          .insertInto('blobs')
          .values({
            sha256: blob.sha256,
            byte_size: blob.byteSize,
            media_type: blob.mediaType,
            created_at: now,
          })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
      }
      const { blob_sha256: _sha, page: _page, created_at: _created, ...changes } = page;
      await db
        .insertInto('scan_pages')
        .values(page)
        .onConflict((oc) => oc.columns(['blob_sha256', 'page']).doUpdateSet(changes))
        .execute();
    },

    /** The languages of the documents holding this scan: a scan's own language first, if it has one. */
    async languagesOf(sha256: string): Promise<string[]> {
      const assets = await db
        .selectFrom('assets')
        .select(['document_id', 'language'])
        .where('blob_sha256', '=', sha256)
        .where('kind', '=', 'scan')
        .orderBy('document_id')
        .execute();
      const own = assets.map((a) => a.language).filter((l): l is string => l !== null);
      const documentIds = [...new Set(assets.map((a) => a.document_id))];
      const documentLanguages =
        documentIds.length === 0
          ? []
          : await db
              .selectFrom('document_languages')
              .select('language')
              .where('document_id', 'in', documentIds)
              .orderBy('document_id')
              .orderBy('position')
              .execute();
      return [...new Set([...own, ...documentLanguages.map((l) => l.language)])];
    },

    async documentsHolding(sha256: string): Promise<number[]> {
      const rows = await db
        .selectFrom('assets')
        .select('document_id')
        .distinct()
        .where('blob_sha256', '=', sha256)
        .where('kind', '=', 'scan')
        .execute();
      return rows.map((r) => r.document_id);
    },

    async setAssetPageCount(sha256: string, pageCount: number): Promise<void> {
      await db
        .updateTable('assets')
        .set({ page_count: pageCount })
        .where('blob_sha256', '=', sha256)
        .where('kind', '=', 'scan')
        .execute();
    },

    /** Processing state of several scans at once (a document's assets), by SHA-256. */
    async scanFiles(sha256s: string[]): Promise<Map<string, ScanFileRow>> {
      if (sha256s.length === 0) return new Map();
      const rows = await db
        .selectFrom('scan_files')
        .selectAll()
        .where('blob_sha256', 'in', [...new Set(sha256s)])
        .execute();
      return new Map(rows.map((r) => [r.blob_sha256, r]));
    },

    async addCorrection(correction: {
      sha256: string;
      page: number;
      text: string;
      correctedBy: string | null;
      note: string | null;
      now: string;
    }): Promise<number> {
      const row = await db
        .insertInto('scan_page_corrections')
        .values({
          blob_sha256: correction.sha256,
          page: correction.page,
          text: correction.text,
          corrected_by: correction.correctedBy,
          note: correction.note,
          created_at: correction.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * The text of every page that has some, for several scans at once, an editor's newest correction
     * in place of the machine text; pages in order.
     */
    async correctedPageTexts(
      sha256s: string[],
    ): Promise<Map<string, { page: number; text: string; source: 'ocr' | 'pdf-text' }[]>> {
      const blobs = [...new Set(sha256s)];
      const byBlob = new Map<string, { page: number; text: string; source: 'ocr' | 'pdf-text' }[]>();
      if (blobs.length === 0) return byBlob;
      const [pages, corrections] = await Promise.all([
        db
          .selectFrom('scan_pages')
          .select(['blob_sha256', 'page', 'text', 'text_source'])
          .where('blob_sha256', 'in', blobs)
          .where('text_source', '!=', 'none')
          .orderBy('blob_sha256')
          .orderBy('page')
          .execute(),
        db
          .selectFrom('scan_page_corrections')
          .select(['blob_sha256', 'page', 'text'])
          .where('blob_sha256', 'in', blobs)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      ]);
      const corrected = new Map(corrections.map((c) => [`${c.blob_sha256}:${c.page}`, c.text]));
      for (const page of pages) {
        const list = byBlob.get(page.blob_sha256) ?? [];
        const text = corrected.get(`${page.blob_sha256}:${page.page}`) ?? page.text;
        list.push({ page: page.page, text, source: page.text_source === 'ocr' ? 'ocr' : 'pdf-text' });
        byBlob.set(page.blob_sha256, list);
      }
      return byBlob;
    },

    /** The newest correction of each corrected page of a scan. */
    async latestCorrections(
      sha256: string,
    ): Promise<Map<number, { text: string; correctedBy: string | null; createdAt: string }>> {
      const rows = await db
        .selectFrom('scan_page_corrections')
        .select(['page', 'text', 'corrected_by', 'created_at', 'id'])
        .where('blob_sha256', '=', sha256)
        .orderBy('page')
        .orderBy('id')
        .execute();
      const latest = new Map<number, { text: string; correctedBy: string | null; createdAt: string }>();
      for (const row of rows) {
        latest.set(row.page, { text: row.text, correctedBy: row.corrected_by, createdAt: row.created_at });
      }
      return latest;
    },

    async bumpContentVersion(): Promise<void> {
      await db
        .updateTable('site_state')
        .set((eb) => ({ value: eb('value', '+', 1) }))
        .where('key', '=', 'content_version')
        .execute();
    },
  };
}
