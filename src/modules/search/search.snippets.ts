import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { QueryClause } from './analyzer/index.ts';
import { findMatches, markRanges, snippetHtml } from './search.highlight.ts';
import { PART_NO, type PartKind, partLabel } from './search.parts.ts';
import type { SearchProvider } from './search.provider.ts';
import { htmlToText } from './search.text.ts';

export type Snippet = {
  part: PartKind;
  language: string | null;
  /** Where the passage is, for readers: "in the English translation", "in the title". */
  label: string;
  /** The passage, HTML-escaped, matches in <mark>. */
  html: string;
  /** The transcript, translation or scan it comes from, and the scan page, when known. */
  assetId: number | null;
  page: number | null;
};

export type HitText = { id: number; title: string; summary: string | null };

/** Snippets per hit at most; the title is highlighted on its own. */
export const SNIPPETS_PER_HIT = 3;

type PartRow = {
  id: number;
  document_id: number;
  part_no: number;
  part: string;
  language: string | null;
  asset_id: number | null;
  blob_sha256: string | null;
  page: number | null;
  text_start: number | null;
  text_end: number | null;
  text: string | null;
};

/**
 * Highlighted titles and snippets for one page of hits. The work is bounded by the page: the
 * provider names the matching parts of these documents only, the best few per document are kept,
 * and only their texts are read.
 */
export async function buildSnippets(
  db: Kysely<Database>,
  provider: SearchProvider,
  clauses: readonly QueryClause[],
  hits: readonly HitText[],
): Promise<Map<number, { titleHtml: string; snippets: Snippet[] }>> {
  const result = new Map<number, { titleHtml: string; snippets: Snippet[] }>();
  for (const hit of hits) {
    result.set(hit.id, { titleHtml: markRanges(hit.title, findMatches(hit.title, clauses)), snippets: [] });
  }
  if (clauses.length === 0 || hits.length === 0) return result;

  const matching = provider.matchingParts(
    clauses,
    hits.map((h) => h.id),
  );
  const matched = await sql<PartRow & { score: number }>`select p.id, p.document_id, p.part_no, p.part,
      p.language, p.asset_id, p.blob_sha256, p.page, p.text_start, p.text_end, p.text, m.score
    from (${matching}) as m join search_parts p on p.id = m.part_id`.execute(db);
  const rows = matched.rows;
  if (rows.length === 0) return result;
  const scoreOf = new Map(rows.map((row) => [Number(row.id), Number(row.score)]));
  const chosen = chooseParts(rows, scoreOf);
  const texts = await loadTexts(db, chosen);
  const hitById = new Map(hits.map((h) => [h.id, h]));

  for (const row of chosen) {
    const hit = hitById.get(Number(row.document_id));
    if (!hit) continue;
    const text =
      row.part_no === PART_NO.title
        ? hit.title
        : row.part_no === PART_NO.summary
          ? (hit.summary ?? '')
          : // Names and details are stored a line each; in a passage they read as a list.
            (row.text?.replaceAll('\n', ' · ') ?? texts.get(Number(row.id)) ?? '');
    const ranges = findMatches(text, clauses, row.language ?? undefined);
    if (ranges.length === 0) continue;
    const part = row.part as PartKind;
    result.get(hit.id)!.snippets.push({
      part,
      language: row.language,
      label: partLabel(part, row.language, row.page),
      html: snippetHtml(text, ranges),
      assetId: row.asset_id === null ? null : Number(row.asset_id),
      page: row.page === null ? null : Number(row.page),
    });
  }
  return result;
}

/**
 * The best parts of each document, at most one chunk per source (a translation that matches in ten
 * chunks gives one snippet, leaving room for the original), and the title only when nothing else
 * matched.
 */
function chooseParts(rows: PartRow[], scoreOf: Map<number, number>): PartRow[] {
  const byDocument = new Map<number, PartRow[]>();
  for (const row of rows) {
    const list = byDocument.get(Number(row.document_id)) ?? [];
    list.push(row);
    byDocument.set(Number(row.document_id), list);
  }
  const chosen: PartRow[] = [];
  for (const list of byDocument.values()) {
    list.sort(
      (a, b) =>
        (scoreOf.get(Number(b.id)) ?? 0) - (scoreOf.get(Number(a.id)) ?? 0) || Number(a.id) - Number(b.id),
    );
    const sources = new Set<string>();
    const picked: PartRow[] = [];
    for (const row of list) {
      if (row.part_no === PART_NO.title) continue;
      const source = `${row.part}:${row.asset_id ?? row.part_no}`;
      if (sources.has(source)) continue;
      sources.add(source);
      picked.push(row);
      if (picked.length === SNIPPETS_PER_HIT) break;
    }
    const title = list.find((row) => row.part_no === PART_NO.title);
    if (picked.length === 0 && title) picked.push(title);
    chosen.push(...picked);
  }
  return chosen;
}

/** Texts of the chosen chunks of transcripts, translations and scan pages, by part ID. */
async function loadTexts(db: Kysely<Database>, parts: PartRow[]): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  const slice = (row: PartRow, text: string) =>
    text.slice(
      row.text_start === null ? 0 : Number(row.text_start),
      row.text_end === null ? undefined : Number(row.text_end),
    );

  const fromAssets = parts.filter((p) => p.text === null && p.asset_id !== null && p.page === null);
  if (fromAssets.length > 0) {
    const assets = await db
      .selectFrom('assets')
      .select(['id', 'html'])
      .where('id', 'in', [...new Set(fromAssets.map((p) => Number(p.asset_id)))])
      .execute();
    const plain = new Map(assets.map((a) => [a.id, htmlToText(a.html ?? '')]));
    for (const part of fromAssets)
      texts.set(Number(part.id), slice(part, plain.get(Number(part.asset_id)) ?? ''));
  }

  const fromPages = parts.filter((p) => p.text === null && p.blob_sha256 !== null && p.page !== null);
  if (fromPages.length > 0) {
    const blobs = [...new Set(fromPages.map((p) => p.blob_sha256!))];
    const [pages, corrections] = await Promise.all([
      db
        .selectFrom('scan_pages')
        .select(['blob_sha256', 'page', 'text'])
        .where('blob_sha256', 'in', blobs)
        .execute(),
      db
        .selectFrom('scan_page_corrections')
        .select(['blob_sha256', 'page', 'text'])
        .where('blob_sha256', 'in', blobs)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    const byPage = new Map(pages.map((p) => [`${p.blob_sha256}:${p.page}`, p.text]));
    for (const c of corrections) byPage.set(`${c.blob_sha256}:${c.page}`, c.text);
    for (const part of fromPages) {
      texts.set(Number(part.id), slice(part, byPage.get(`${part.blob_sha256}:${part.page}`) ?? ''));
    }
  }
  return texts;
}
