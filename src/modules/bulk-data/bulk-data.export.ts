import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { presentDocument } from '../documents/documents.presenters.ts';
import { getPublicDocument } from '../documents/documents.queries.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';

export type BulkFormat = 'jsonl' | 'csv';

/** CSV columns, in order, with what each holds; the /data page lists the same. Lists are joined by " | ". */
export const csvColumns: {
  name: string;
  meaning: string;
  value: (d: PublicRecord) => string | number | null;
}[] = [
  { name: 'id', meaning: 'Record ID: permanent, never reused.', value: (d) => d.id },
  {
    name: 'external_id',
    meaning: 'Identifier in the source the record came from.',
    value: (d) => d.externalId,
  },
  { name: 'url', meaning: 'The record’s page.', value: (d) => d.url },
  { name: 'title', meaning: 'Title.', value: (d) => d.title },
  { name: 'subtitle', meaning: 'Subtitle.', value: (d) => d.subtitle },
  { name: 'summary', meaning: 'Editor’s summary.', value: (d) => d.summary },
  {
    name: 'date',
    meaning: 'Historical date as displayed ("9 August 1962", "c. 1962").',
    value: (d) => d.date?.display ?? null,
  },
  {
    name: 'date_iso',
    meaning: 'The same in ISO 8601; a span is start/end.',
    value: (d) => d.date?.iso ?? null,
  },
  {
    name: 'date_start',
    meaning: 'First day the date can mean (YYYY-MM-DD).',
    value: (d) => d.date?.start ?? null,
  },
  {
    name: 'date_end',
    meaning: 'Last day the date can mean (YYYY-MM-DD).',
    value: (d) => d.date?.end ?? null,
  },
  { name: 'date_precision', meaning: 'day, month, year or decade.', value: (d) => d.date?.precision ?? null },
  {
    name: 'date_circa',
    meaning: '1 when the date is approximate.',
    value: (d) => (d.date ? (d.date.circa ? 1 : 0) : null),
  },
  {
    name: 'place_of_origin',
    meaning: 'Where the document was written, as given.',
    value: (d) => d.placeOfOrigin,
  },
  { name: 'type', meaning: 'Kind of document (minutes, cable, memorandum…).', value: (d) => d.type },
  {
    name: 'languages',
    meaning: 'Languages of the original (BCP 47).',
    value: (d) => d.languages.join(' | '),
  },
  {
    name: 'classifications',
    meaning: 'Classification markings.',
    value: (d) => d.classifications.join(' | '),
  },
  { name: 'repository', meaning: 'Archive holding the original.', value: (d) => d.repository?.name ?? null },
  {
    name: 'archival_reference',
    meaning: 'Reference in that archive (fonds, file).',
    value: (d) => d.archivalReference,
  },
  { name: 'program', meaning: 'Project or programme that published it.', value: (d) => d.program },
  ...(['author', 'recipient', 'participant', 'mentioned'] as const).map((role) => ({
    name: `${role}s`,
    meaning: `People and organizations with the role ${role}.`,
    value: (d: PublicRecord) =>
      d.agents
        .filter((a) => a.role === role)
        .map((a) => a.name)
        .join(' | '),
  })),
  { name: 'subjects', meaning: 'Subjects.', value: (d) => d.subjects.map((s) => s.name).join(' | ') },
  {
    name: 'places',
    meaning: 'Places the document concerns.',
    value: (d) => d.places.map((p) => p.name).join(' | '),
  },
  {
    name: 'collections',
    meaning: 'Collections it is filed in.',
    value: (d) => d.collections.map((c) => c.name).join(' | '),
  },
  {
    name: 'credits',
    meaning: 'Translators, transcribers and editors, as "name (role)".',
    value: (d) => d.credits.map((c) => `${c.name} (${c.role})`).join(' | '),
  },
  {
    name: 'funders',
    meaning: 'Funders of the translation or publication.',
    value: (d) => d.funders.map((f) => f.name).join(' | '),
  },
  { name: 'rights', meaning: 'Rights statement.', value: (d) => d.rights },
  {
    name: 'related',
    meaning: 'Record IDs of related published documents.',
    value: (d) => d.related.map((r) => r.id).join(' | '),
  },
  { name: 'published_at', meaning: 'When it was first published here (UTC).', value: (d) => d.publishedAt },
  { name: 'updated_at', meaning: 'Last change (UTC).', value: (d) => d.updatedAt },
];

/** A record as the bulk files carry it: the API's JSON without the (large) texts of transcripts. */
export type PublicRecord = ReturnType<typeof presentDocument>;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes the dataset of every published record to `file` (via a temporary file renamed into place, so
 * a reader never sees half a file). Records are read in ID order, a page at a time.
 */
export async function writeBulkFile(
  { db }: { db: Kysely<Database> },
  baseUrl: string,
  format: BulkFormat,
  file: string,
): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const out = fs.createWriteStream(temporary);
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  try {
    if (format === 'csv') await write(`${csvColumns.map((c) => c.name).join(',')}\r\n`);
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('documents')
        .select('id')
        .where('status', '=', 'published')
        .where('id', '>', after)
        .orderBy('id')
        .limit(200)
        .execute();
      if (rows.length === 0) break;
      for (const { id } of rows) {
        let record: PublicRecord;
        try {
          record = presentDocument(await getPublicDocument({ db }, id), baseUrl);
        } catch {
          continue; // withdrawn while the file was being written
        }
        record.assets = record.assets.map((asset) => ({ ...asset, html: null }));
        await write(
          format === 'jsonl'
            ? `${JSON.stringify(record)}\n`
            : `${csvColumns.map((column) => csvField(column.value(record))).join(',')}\r\n`,
        );
      }
      after = rows.at(-1)!.id;
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    fs.renameSync(temporary, file);
  } catch (error) {
    out.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** What the cached files are keyed by: the content version, plus the published set as a safety net. */
export async function datasetKey({ db }: { db: Kysely<Database> }): Promise<string> {
  const version = await createDocumentsRepository({ db }).contentVersion();
  const row = await db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('updated_at').as('latest')])
    .where('status', '=', 'published')
    .executeTakeFirst();
  const fingerprint = createHash('sha256')
    .update(`${version}|${row?.n ?? 0}|${row?.latest ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return `${version}-${fingerprint}`;
}

export const bulkDirectory = (dataDir: string) => path.join(dataDir, 'bulk-data');
