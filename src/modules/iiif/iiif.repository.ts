import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';

/** One scan page that has a reading image: what a canvas, a tile set and the page viewer need. */
export type PageImage = {
  page: number;
  width: number;
  height: number;
  imageSha256: string;
  thumbnailSha256: string | null;
};

export type IiifRepository = ReturnType<typeof createIiifRepository>;

/** SQL for IIIF: page images of scans, and the one check that a page image may be shown. */
export function createIiifRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Page images of several scan files at once, by the scan file's SHA-256, in page order. */
    async pageImagesOf(scanSha256s: string[]): Promise<Map<string, PageImage[]>> {
      const unique = [...new Set(scanSha256s)];
      const byScan = new Map<string, PageImage[]>(unique.map((sha) => [sha, []]));
      if (unique.length === 0) return byScan;
      const rows = await db
        .selectFrom('scan_pages')
        .select(['blob_sha256', 'page', 'width', 'height', 'image_sha256', 'thumbnail_sha256'])
        .where('blob_sha256', 'in', unique)
        .where('image_sha256', 'is not', null)
        .where('width', '>', 0)
        .where('height', '>', 0)
        .orderBy('blob_sha256')
        .orderBy('page')
        .execute();
      for (const row of rows) {
        byScan.get(row.blob_sha256)?.push({
          page: Number(row.page),
          width: Number(row.width),
          height: Number(row.height),
          imageSha256: row.image_sha256!,
          thumbnailSha256: row.thumbnail_sha256,
        });
      }
      return byScan;
    },

    /**
     * A page image of a published document's scan, found by the three numbers of its IIIF identifier;
     * undefined for anything unpublished or missing, so that both answer alike.
     */
    async publishedPageImage(key: {
      documentId: number;
      assetId: number;
      page: number;
    }): Promise<PageImage | undefined> {
      const row = await db
        .selectFrom('documents')
        .innerJoin('assets', 'assets.document_id', 'documents.id')
        .innerJoin('scan_pages', 'scan_pages.blob_sha256', 'assets.blob_sha256')
        .select([
          'scan_pages.page',
          'scan_pages.width',
          'scan_pages.height',
          'scan_pages.image_sha256',
          'scan_pages.thumbnail_sha256',
        ])
        .where('documents.id', '=', key.documentId)
        .where('documents.status', '=', 'published')
        .where('assets.id', '=', key.assetId)
        .where('assets.kind', '=', 'scan')
        .where('scan_pages.page', '=', key.page)
        .where('scan_pages.image_sha256', 'is not', null)
        .executeTakeFirst();
      if (!row?.image_sha256) return undefined;
      return {
        page: Number(row.page),
        width: Number(row.width),
        height: Number(row.height),
        imageSha256: row.image_sha256,
        thumbnailSha256: row.thumbnail_sha256,
      };
    },
  };
}
