import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import type { Container } from '../../../app/container.ts';
import { sniffMediaType } from '../../assets/media-type.ts';
import { documentRecordSchema } from '../../documents/documents.schemas.ts';
import { saveDocument } from '../../documents/documents.usecases.ts';

/** Test files for the pipeline, made on the fly: nothing binary is kept in the repository. */

/** A PDF with a real text layer, one line of text per page (and a second to pass the letter threshold). */
export async function makeTextPdf(pageTexts: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pageTexts) {
    const page = pdf.addPage([612, 792]);
    page.drawText(text, { x: 72, y: 700, size: 14, font });
    page.drawText('Memorandum of conversation, office of the vice minister.', {
      x: 72,
      y: 670,
      size: 12,
      font,
    });
  }
  return pdf.save();
}

/**
 * A PDF that asks for a password. The encryption dictionary's hashes match no password, which is all
 * a reader needs to see to refuse the file, exactly as it refuses a real protected PDF.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf
    .addPage()
    .drawText('Protected', { x: 50, y: 50, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const encryption = pdf.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: -44,
    O: PDFHexString.of('11'.repeat(32)),
    U: PDFHexString.of('22'.repeat(32)),
  });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encryption);
  pdf.context.trailerInfo.ID = pdf.context.obj([
    PDFHexString.of('ab'.repeat(16)),
    PDFHexString.of('ab'.repeat(16)),
  ]);
  return pdf.save({ useObjectStreams: false });
}

/** A scanned page as a PNG: black text on white at about 300 dpi, as a flatbed scanner gives it. */
export function makeScanImage(lines: string[], font = '56px sans-serif'): Uint8Array {
  const canvas = createCanvas(1800, 300 + lines.length * 110);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111111';
  context.font = font;
  lines.forEach((line, index) => {
    context.fillText(line, 120, 200 + index * 110);
  });
  return canvas.toBuffer('image/png');
}

/** Saves a published document holding one scan, as an importer would. */
export async function saveScanDocument(
  container: Container,
  bytes: Uint8Array,
  options: { externalId: string; languages?: string[]; fileName?: string },
): Promise<{ documentId: number; sha256: string }> {
  const mediaType = sniffMediaType(bytes.subarray(0, 16)) ?? 'application/octet-stream';
  const stored = await container.storage.put(bytes);
  const record = documentRecordSchema.parse({
    externalId: options.externalId,
    title: `Scanned record ${options.externalId}`,
    status: 'published',
    languages: options.languages ?? ['en'],
  });
  const { id } = await saveDocument(container.database, record, [
    {
      kind: 'scan',
      language: null,
      label: 'Scan',
      translator: null,
      html: null,
      blobSha256: stored.sha256,
      fileName:
        options.fileName ?? `${options.externalId}.${mediaType === 'application/pdf' ? 'pdf' : 'png'}`,
      mediaType,
      pageCount: null,
      blob: { sha256: stored.sha256, byteSize: stored.byteSize, mediaType },
    },
  ]);
  return { documentId: id, sha256: stored.sha256 };
}

/** The development corpus beside the repository (`../shared/corpus`), when it is there. */
export function corpusFile(relative: string): string | undefined {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');
  const file = path.join(root, relative);
  return fs.existsSync(file) ? file : undefined;
}
