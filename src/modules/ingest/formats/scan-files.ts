import fsp from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { scanMediaTypes, sniffMediaType } from '../../assets/media-type.ts';
import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { clip, type FormatItem, problem, squash } from './format.ts';

/**
 * One record per scan in a folder of PDFs or images: the file is the record's scan, the title comes
 * from the PDF's own metadata when it has a real one, else from the file name. What a file is gets
 * decided by its first bytes, never by its extension: a text file named .pdf is skipped with a
 * warning, and a PDF named .jpg is still a PDF. The external ID is the path inside the folder, so
 * importing the folder again updates the same records.
 */
export async function* readScanFile(
  file: string,
  baseDir: string,
  displayName: string = file,
): AsyncGenerator<FormatItem> {
  const relative = path.relative(baseDir, file).split(path.sep).join('/');
  const source = { file: displayName };
  let head: Uint8Array;
  try {
    const handle = await fsp.open(file, 'r');
    try {
      const buffer = new Uint8Array(16);
      const { bytesRead } = await handle.read(buffer, 0, 16, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    yield problem(source, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  if (head.length === 0) {
    yield problem(source, 'the file is empty', { severity: 'warning' });
    return;
  }
  const mediaType = sniffMediaType(head);
  if (!mediaType || !scanMediaTypes.includes(mediaType)) {
    yield problem(source, 'not a PDF or image (judged by its content, not its name); skipped', {
      severity: 'warning',
    });
    return;
  }
  const stem = path.basename(file, path.extname(file));
  let metadataTitle: string | undefined;
  if (mediaType === 'application/pdf') {
    try {
      const pdf = await PDFDocument.load(await fsp.readFile(file), {
        ignoreEncryption: true,
        updateMetadata: false,
        throwOnInvalidObject: false,
      });
      metadataTitle = usefulTitle(pdf.getTitle(), stem);
    } catch {
      yield problem(
        source,
        'the PDF could not be parsed, so its metadata was not read; it is imported by its file name',
        {
          severity: 'warning',
          record: relative,
        },
      );
    }
  }
  const datePrefix = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=[-_\s]|$)/.exec(stem)?.[1];
  const record: DocumentRecordInput = {
    externalId: clip(relative.replace(/\.[^./]+$/, ''), 300),
    title: clip(metadataTitle ?? (titleFromFileName(stem) || stem), 2000),
    date: datePrefix && isPlausibleDate(datePrefix) ? datePrefix : null,
    assets: [{ kind: 'scan', file: relative, mediaType }],
  };
  yield { kind: 'record', source, record, baseDir };
}

/** PDF producers fill Title with junk ("Microsoft Word - memo.doc", "untitled", the file name). */
function usefulTitle(title: string | undefined, stem: string): string | undefined {
  const value = squash(title ?? '');
  if (value === '' || value.length < 3) return undefined;
  if (/^(untitled|document\d*|scan\d*|microsoft word - .*|image\d*)$/i.test(value)) return undefined;
  if (/\.(docx?|pdf|tiff?|jpe?g|png|rtf)$/i.test(value)) return undefined;
  if (value.toLowerCase() === stem.toLowerCase()) return undefined;
  return value;
}

/** "1962-08-09_memo_on_talks" reads as "memo on talks"; record numbers with hyphens stay whole. */
function titleFromFileName(stem: string): string {
  return squash(stem.replace(/^\d{4}(?:-\d{2}(?:-\d{2})?)?[-_\s]+(?=\D)/, '').replace(/_+/g, ' '));
}

function isPlausibleDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (year < 1000 || year > 2100) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate())) return false;
  return true;
}
