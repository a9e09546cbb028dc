import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, notFound } from '../../../app/errors.ts';
import type { DialectName } from '../../../database/database.ts';
import type { Database } from '../../../database/tables.ts';
import { syncSearchIndexForBlob } from '../../search/search.indexer.ts';
import { nowIso } from '../../shared/text.ts';
import { tidyPageText } from './page-text.ts';
import { createScanPagesRepository } from './scan-pages.repository.ts';

export type CorrectPageTextInput = {
  assetId: number;
  page: number;
  text: string;
  /** Who corrected it (an account's name or email), for the page's history. */
  correctedBy?: string | null;
  note?: string | null;
};

const correctionSchema = z.object({
  assetId: z.number().int().positive(),
  page: z.number().int().positive(),
  text: z.string().max(500_000, 'a page of text is at most 500,000 characters'),
  correctedBy: z.string().max(200).nullish(),
  note: z.string().max(2_000).nullish(),
});

/**
 * An editor's correction of a page's machine text (OCR or text layer). The machine text stays as it
 * was; the correction is stored beside it with who made it and when, the newest one is what readers
 * see and search finds, and earlier ones remain as the page's history.
 */
export async function correctPageText(
  deps: { db: Kysely<Database>; dialect: DialectName },
  input: CorrectPageTextInput,
): Promise<{ correctionId: number }> {
  const parsed = correctionSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('scans.invalid_correction', 422, parsed.error.issues.map((i) => i.message).join('; '));
  }
  const { assetId, page, text, correctedBy, note } = parsed.data;
  return deps.db.transaction().execute(async (trx) => {
    const asset = await trx
      .selectFrom('assets')
      .select(['blob_sha256', 'kind'])
      .where('id', '=', assetId)
      .executeTakeFirst();
    if (asset?.kind !== 'scan' || !asset.blob_sha256) {
      throw notFound('scans.not_found', `There is no scan with asset ID ${assetId}.`);
    }
    const scans = createScanPagesRepository({ db: trx });
    if (!(await scans.page(asset.blob_sha256, page))) {
      throw notFound('scans.page_not_found', `The scan has no processed page ${page}.`);
    }
    const correctionId = await scans.addCorrection({
      sha256: asset.blob_sha256,
      page,
      text: tidyPageText(text.normalize('NFC')),
      correctedBy: correctedBy ?? null,
      note: note ?? null,
      now: nowIso(),
    });
    await syncSearchIndexForBlob({ db: trx, dialect: deps.dialect }, asset.blob_sha256);
    await scans.bumpContentVersion();
    return { correctionId };
  });
}
