import { PDFDocument } from 'pdf-lib';

/** Small real files for import and export tests: a PDF with pages, and a one-pixel PNG. */
export async function makePdf(pages: number, text = 'scan'): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++)
    pdf.addPage([200, 200]).drawText(`${text} ${i + 1}`, { x: 20, y: 100, size: 12 });
  return Buffer.from(await pdf.save());
}

export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
