import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { isoHistoricalDate } from '../documents/historical-date.ts';
import { createReadersRepository } from '../readers/readers.repository.ts';
import { type ReaderRecord, readerRecordSchema } from '../readers/readers.schemas.ts';
import { saveReader } from '../readers/readers.usecases.ts';
import { createThemesRepository } from './themes.repository.ts';
import { type ThemeRecord, themeRecordSchema } from './themes.schemas.ts';
import { CuratedFieldError, saveTheme } from './themes.usecases.ts';

/**
 * Themes and readers in the record format: `"type": "theme"` and `"type": "reader"` lines, read by
 * `chancery import` and written by `chancery export` after the documents they name. An import saves
 * them once every document and authority of the file is in, so a line may come before the records
 * it refers to; IDs written in the file are translated to this database's as for documents.
 */

export const curatedTypes = ['theme', 'reader'] as const;

export const isCuratedLine = (value: object): boolean =>
  curatedTypes.includes((value as { type?: unknown }).type as (typeof curatedTypes)[number]);

export type CuratedRecord = { type: 'theme'; record: ThemeRecord } | { type: 'reader'; record: ReaderRecord };

/** Validates a theme or reader line; the issues name fields as for documents. */
export function parseCuratedLine(
  value: object,
): { ok: true; value: CuratedRecord } | { ok: false; issues: z.core.$ZodIssue[] } {
  if ((value as { type?: unknown }).type === 'theme') {
    const parsed = themeRecordSchema.safeParse(value);
    return parsed.success
      ? { ok: true, value: { type: 'theme', record: parsed.data } }
      : { ok: false, issues: parsed.error.issues };
  }
  const parsed = readerRecordSchema.safeParse(value);
  return parsed.success
    ? { ok: true, value: { type: 'reader', record: parsed.data } }
    : { ok: false, issues: parsed.error.issues };
}

/** Saves one validated line; a reference to nothing comes back as a field problem. */
export async function saveCuratedRecord(
  db: Kysely<Database>,
  line: CuratedRecord,
  ids: { authorities: Map<number, number>; documents: Map<number, number> },
  context: ActionContext,
): Promise<{ created: boolean } | { field: string; message: string }> {
  try {
    return line.type === 'theme'
      ? await saveTheme(db, line.record, { context, idsFromFile: ids.authorities })
      : await saveReader(db, line.record, { context, documentIds: ids.documents });
  } catch (error) {
    if (error instanceof CuratedFieldError) return { field: error.field, message: error.message };
    throw error;
  }
}

/** Every theme and reader, drafts included, as export lines. */
export async function curatedLines(db: Kysely<Database>): Promise<Record<string, unknown>[]> {
  const themes = await createThemesRepository({ db }).list({ publishedOnly: false });
  const readers = await createReadersRepository({ db }).list({ publishedOnly: false });
  const collections = await createAuthoritiesRepository({ db }).findManyByIds(
    themes.flatMap((t) => t.collectionIds),
  );
  const nameOf = new Map(collections.map((c) => [c.id, c.name]));
  const documents = new Map(
    (
      await db
        .selectFrom('documents')
        .select(['id', 'external_id'])
        .where('id', 'in', [0, ...readers.flatMap((r) => r.items.map((i) => i.documentId))])
        .execute()
    ).map((row) => [row.id, row.external_id]),
  );
  return [
    ...themes.map((t) => ({
      type: 'theme',
      slug: t.slug,
      title: t.title,
      summary: t.summary,
      overview: t.overviewHtml,
      status: t.status,
      collections: t.collectionIds.map((id) => ({ id, name: nameOf.get(id) ?? String(id) })),
      events: t.events.map((e) => ({
        date: isoHistoricalDate(e.date),
        title: e.title,
        description: e.description,
        link: e.link,
      })),
    })),
    ...readers.map((r) => ({
      type: 'reader',
      slug: r.slug,
      title: r.title,
      compiler: r.compiler,
      introduction: r.introductionHtml,
      status: r.status,
      items: r.items.map((item) => {
        const externalId = documents.get(item.documentId);
        return {
          document: externalId ? { id: item.documentId, externalId } : { id: item.documentId },
          note: item.note,
        };
      }),
    })),
  ];
}

type ImportReport = (problem: {
  severity: 'error';
  location: string;
  record: string | undefined;
  field: string | undefined;
  message: string;
}) => void;

/**
 * The part of an import run that deals with theme and reader lines: `read` validates a line as it
 * comes (problems are reported on its line at once), `save` writes the valid ones at the end of the
 * run, when every document and authority they may name is in.
 */
export function createCuratedImport() {
  const pending: { line: CuratedRecord; location: string; record: string | undefined }[] = [];
  return {
    read(
      value: object,
      where: { location: string; record: string | undefined },
      fail: (field: string | undefined, message: string) => void,
    ): boolean {
      const parsed = parseCuratedLine(value);
      if (!parsed.ok) {
        for (const issue of parsed.issues) fail(issue.path.join('.') || undefined, issue.message);
        return false;
      }
      pending.push({ line: parsed.value, ...where });
      return true;
    },

    async save(
      db: Kysely<Database>,
      ids: { authorities: Map<number, number>; documents: Map<number, number> },
      report: ImportReport,
      counts: { failed: number; curated: { created: number; updated: number } },
    ): Promise<void> {
      const context: ActionContext = { actor: { id: null, label: 'import' }, ip: null, userAgent: null };
      for (const { line, location, record } of pending) {
        const outcome = await saveCuratedRecord(db, line, ids, context);
        if ('field' in outcome) {
          counts.failed++;
          report({ severity: 'error', location, record, field: outcome.field, message: outcome.message });
        } else if (outcome.created) counts.curated.created++;
        else counts.curated.updated++;
      }
      pending.length = 0;
    },
  };
}
