import type { Kysely } from 'kysely';
import { notFound } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import { type ChicagoCitation, formatChicagoCitation, monthName, ymd } from '../citations/chicago.ts';
import { type FormattedCitation, finishCitation } from '../citations/citation-parts.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { createReadersRepository, type Reader } from './readers.repository.ts';

/**
 * What the public may read of readers: published readers, and in them only the documents that are
 * published now. A reader whose documents are all unpublished still shows its introduction, with a
 * count of none, so a course link never breaks while a document is under review.
 */

export type PublicReaderItem = {
  position: number;
  document: StoredDocument;
  note: string | null;
  citation: ChicagoCitation;
};

export type PublicReader = {
  reader: Reader;
  items: PublicReaderItem[];
  citation: ChicagoCitation;
};

type Site = { baseUrl: string; archiveName: string };

export const readerPath = (slug: string) => `/readers/${encodeURIComponent(slug)}`;

export async function listPublicReaders(db: Kysely<Database>) {
  const readers = await createReadersRepository({ db }).list({ publishedOnly: true });
  const published = new Set(
    (
      await db
        .selectFrom('documents')
        .select('id')
        .where('status', '=', 'published')
        .where('id', 'in', [0, ...readers.flatMap((r) => r.items.map((i) => i.documentId))])
        .execute()
    ).map((row) => row.id),
  );
  return readers.map((reader) => ({
    reader,
    count: reader.items.filter((i) => published.has(i.documentId)).length,
  }));
}

export async function getPublicReader(db: Kysely<Database>, slug: string, site: Site): Promise<PublicReader> {
  const reader = await createReadersRepository({ db }).findBySlug(slug);
  if (reader?.status !== 'published') {
    throw notFound('readers.not_found', 'There is no such reader in this archive.');
  }
  const documents = createDocumentsRepository({ db });
  const items: PublicReaderItem[] = [];
  for (const item of reader.items) {
    const document = await documents.findById(item.documentId);
    if (document?.status !== 'published') continue;
    items.push({
      position: items.length + 1,
      document,
      note: item.note,
      citation: formatChicagoCitation(document, site),
    });
  }
  return { reader, items, citation: citeReader(reader, site) };
}

const chicagoDay = (iso: string) => {
  const { y, m, d } = ymd(iso.slice(0, 10));
  return `${monthName(m)} ${d}, ${y}`;
};

/**
 * A reader cited as an edited online collection, Chicago notes-bibliography:
 *
 *   Note:         Vera Lindqvist, comp., Title (Archive, last modified March 3, 2026), URL.
 *   Bibliography: Vera Lindqvist, comp. Title. Archive. Last modified March 3, 2026. URL.
 *
 * The compiler is written as entered (the workspace cannot know which part of a name is the family
 * name), so the bibliography keeps the name in reading order, as Chicago allows for names it cannot invert.
 */
export function citeReader(reader: Reader, site: Site): ChicagoCitation {
  const url = `${site.baseUrl.replace(/\/+$/, '')}${readerPath(reader.slug)}`;
  const modified = chicagoDay(reader.updatedAt);
  const compiler = reader.compiler?.trim() || null;
  const archive = site.archiveName.trim();
  const title = reader.title.trim();
  const note: FormattedCitation = finishCitation([
    ...(compiler ? [{ text: compiler, role: 'author' as const }, { text: ', comp., ' }] : []),
    { text: title, role: 'title', italic: true },
    { text: ` (${archive}, last modified ${modified}), ` },
    { text: url, role: 'url' },
    { text: '.' },
  ]);
  const bibliography: FormattedCitation = finishCitation([
    ...(compiler ? [{ text: compiler, role: 'author' as const }, { text: ', comp. ' }] : []),
    { text: title.replace(/\.$/, ''), role: 'title', italic: true },
    { text: `. ${archive}. Last modified ${modified}. ` },
    { text: url, role: 'url' },
    { text: '.' },
  ]);
  return { note, bibliography };
}
