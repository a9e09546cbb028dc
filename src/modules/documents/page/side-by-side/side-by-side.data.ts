import type { Kysely } from 'kysely';
import type { Database, PageTextSource } from '../../../../database/tables.ts';
import { type AlignedPair, alignmentRows } from '../../../alignment/alignment.model.ts';
import { createAlignmentRepository } from '../../../alignment/alignment.repository.ts';
import { createScanPagesRepository } from '../../../ingest/pipeline/scan-pages.repository.ts';
import { normalizeLanguage, primaryLanguage } from '../../../shared/languages.ts';
import { paths } from '../../documents.presenters.ts';
import type { StoredDocument } from '../../documents.repository.ts';
import type { DocumentView } from '../document-views.ts';
import { type HitQuery, readHitQuery, yearsOf } from '../hit-highlighting.ts';
import { countParagraphs } from '../paragraph-anchors.ts';

/** The `?view=` value of the side-by-side reader. */
export const sideBySideKey = 'side-by-side';

/** Addresses of the reader; `translation` and `q` are left out when they add nothing. */
export function sideBySidePath(
  documentId: number,
  options: { translation?: string | undefined; scan?: boolean; page?: number; q?: string | undefined } = {},
): string {
  const query = new URLSearchParams({ view: sideBySideKey });
  if (options.scan) query.set('with', 'scan');
  if (options.translation) query.set('translation', options.translation);
  if (options.page !== undefined && options.page > 1) query.set('page', String(options.page));
  if (options.q) query.set('q', options.q);
  return `${paths.document(documentId)}?${query.toString()}`;
}

/** What the query string asks of the side-by-side reader; every value is untrusted. */
export type SideBySideRequest = {
  view?: string | undefined;
  translation?: string | undefined;
  with?: string | undefined;
  page?: string | undefined;
  q?: string | undefined;
};

/** An original transcript and one translation, in aligned rows. */
export type TextsSideBySide = {
  mode: 'texts';
  original: DocumentView;
  translation: DocumentView;
  /** Every translation that can be read beside the original, for the chooser. */
  translations: DocumentView[];
  rows: AlignedPair[];
  /** Whether editors stored the pairs (else paragraphs are paired in order). */
  aligned: boolean;
  counts: { original: number; translation: number };
  hitQuery: HitQuery | undefined;
  /** Said above the texts when the request could not be followed as asked. */
  notice: string | undefined;
  scan: DocumentView | undefined;
};

/** One page of a scan beside the text read from it. */
export type ScanSideBySide = {
  mode: 'scan';
  scan: DocumentView;
  page: number;
  pageCount: number;
  /** The rendered page image, when the pipeline has made it. */
  image: { url: string; width: number | undefined; height: number | undefined } | undefined;
  /** The page's text: an editor's correction, else the text layer or OCR. */
  text: { text: string; source: PageTextSource; corrected: boolean } | undefined;
  language: string | undefined;
  /** The full transcript, shown when the page's own text is not there (yet). */
  transcript: DocumentView | undefined;
  /** The side-by-side texts, when the document has them, for the switch between the two. */
  texts: boolean;
  notice: string | undefined;
};

export type SideBySide = TextsSideBySide | ScanSideBySide;

const hasText = (view: DocumentView) => Boolean(view.asset.html);

/** The texts the reader can pair: the first original transcript with text, and every translation with text. */
export function sideBySideTexts(views: DocumentView[]) {
  const original = views.find((v) => v.kind === 'transcript' && hasText(v));
  const translations = original ? views.filter((v) => v.kind === 'translation' && hasText(v)) : [];
  return translations.length > 0 ? { original: original!, translations } : undefined;
}

/** The scan whose pages can be shown: the first PDF or image file. */
export function sideBySideScan(views: DocumentView[]): DocumentView | undefined {
  return views.find(
    (v) =>
      v.kind === 'scan' &&
      v.asset.blobSha256 &&
      (v.asset.mediaType === 'application/pdf' || v.asset.mediaType?.startsWith('image/')),
  );
}

/** Which translation `?translation=` names: a language tag (`en`, `ENG`, `en-GB`) or a version key. */
function chooseTranslation(translations: DocumentView[], requested: string | undefined) {
  const fallback =
    translations.find((v) => v.asset.language && primaryLanguage(v.asset.language) === 'en') ??
    translations[0]!;
  const wanted = requested?.trim().slice(0, 100);
  if (!wanted) return { view: fallback, found: true };
  const byKey = translations.find((v) => v.key === wanted.toLowerCase());
  if (byKey) return { view: byKey, found: true };
  const tag = normalizeLanguage(wanted)?.toLowerCase();
  const byLanguage = tag
    ? (translations.find((v) => v.asset.language?.toLowerCase() === tag) ??
      translations.find(
        (v) => v.asset.language && primaryLanguage(v.asset.language) === primaryLanguage(tag),
      ))
    : undefined;
  return byLanguage ? { view: byLanguage, found: true } : { view: fallback, found: false };
}

/** A whole number from 1 to `count`; anything else is page 1, as a link to a page since removed should be. */
function pageNumber(requested: string | undefined, count: number): number {
  const value = requested?.trim() ?? '';
  if (!/^[1-9]\d{0,5}$/.test(value)) return 1;
  const page = Number(value);
  return page <= count ? page : 1;
}

/**
 * What the side-by-side reader shows for a request, or undefined when the page should show its usual
 * single version (not asked for, or nothing to put side by side). `?with=scan` asks for the scan page
 * beside its text; any other `with=` is ignored. A document with a scan but no translation gets the
 * scan view; one with neither gets the normal page.
 */
export async function loadSideBySide(
  { db }: { db: Kysely<Database> },
  document: StoredDocument,
  views: DocumentView[],
  request: SideBySideRequest,
): Promise<SideBySide | undefined> {
  if (request.view?.trim().toLowerCase() !== sideBySideKey) return undefined;
  const texts = sideBySideTexts(views);
  const scan = sideBySideScan(views);
  const wantsScan = request.with?.trim().toLowerCase() === 'scan';

  if (texts && !(wantsScan && scan)) {
    const chosen = chooseTranslation(texts.translations, request.translation);
    const stored = (await createAlignmentRepository({ db }).forDocument(document.id)).get(
      chosen.view.asset.id,
    );
    const pairs = stored?.originalAssetId === texts.original.asset.id ? stored.pairs : undefined;
    const counts = {
      original: countParagraphs(texts.original.asset.html ?? ''),
      translation: countParagraphs(chosen.view.asset.html ?? ''),
    };
    return {
      mode: 'texts',
      original: texts.original,
      translation: chosen.view,
      translations: texts.translations,
      rows: alignmentRows(pairs, counts),
      aligned: Boolean(pairs && pairs.length > 0),
      counts,
      hitQuery: readHitQuery(request.q, yearsOf(document.date)),
      notice: wantsScan
        ? 'This document has no scan to show beside its text, so its texts are shown side by side.'
        : chosen.found
          ? undefined
          : `The translation asked for is not in this document; the ${chosen.view.label} is shown.`,
      scan,
    };
  }
  if (!scan) return undefined;

  const sha256 = scan.asset.blobSha256!;
  const scans = createScanPagesRepository({ db });
  const file = await scans.findScanFile(sha256);
  const pageCount = Math.max(1, file?.page_count ?? scan.asset.pageCount ?? 1);
  const page = pageNumber(request.page, pageCount);
  const [row, corrections] = await Promise.all([scans.page(sha256, page), scans.latestCorrections(sha256)]);
  const correction = corrections.get(page);
  const pageText = correction?.text ?? row?.text ?? '';
  return {
    mode: 'scan',
    scan,
    page,
    pageCount,
    image: row?.image_sha256
      ? {
          url: `/documents/${document.id}/files/${scan.asset.id}/pages/${page}/image.webp`,
          width: row.width,
          height: row.height,
        }
      : scan.asset.mediaType?.startsWith('image/') && page === 1
        ? { url: paths.asset(document.id, scan.asset), width: undefined, height: undefined }
        : undefined,
    text:
      pageText.trim() === ''
        ? undefined
        : { text: pageText, source: row?.text_source ?? 'none', corrected: Boolean(correction) },
    language: scan.asset.language ?? document.languages[0] ?? undefined,
    transcript: views.find((v) => v.kind === 'transcript' && hasText(v)),
    texts: Boolean(texts),
    notice: wantsScan
      ? undefined
      : 'This document has no translation to read beside its original; its scan is shown beside the text read from it.',
  };
}
