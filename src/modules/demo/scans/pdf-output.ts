import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, PDFHexString, PDFName, rgb } from 'pdf-lib';
import { readFace, sharedFontkit } from './fonts.ts';
import type { ScanLayout } from './layout.ts';

/**
 * Every generated PDF carries the same dates and file identifier on every run, so the demo loads the
 * same bytes (and so the same blob keys) on every machine and every start.
 */
const fixedDate = new Date('2026-01-01T00:00:00Z');

export type PdfInfo = { title: string; subject?: string; language: string };

async function newPdf(info: PdfInfo, identity: string): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(info.title);
  if (info.subject) pdf.setSubject(info.subject);
  pdf.setLanguage(info.language);
  pdf.setCreator('Chancery demo archive');
  pdf.setProducer('Chancery (pdf-lib)');
  pdf.setCreationDate(fixedDate);
  pdf.setModificationDate(fixedDate);
  const id = createHash('md5').update(identity).digest('hex');
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return pdf;
}

/** A PDF with a real text layer: every line set in subsets of the Noto fonts it needs. */
export async function renderTextPdf(layout: ScanLayout, info: PdfInfo): Promise<Uint8Array> {
  const pdf = await newPdf(info, `text:${info.title}:${JSON.stringify(layout.pages)}`);
  pdf.registerFontkit(sharedFontkit);
  const fonts = new Map<string, PDFFont>();
  for (const face of layout.faces) fonts.set(face.key, await pdf.embedFont(readFace(face), { subset: true }));
  for (const pageLayout of layout.pages) {
    const page = pdf.addPage([layout.width, layout.height]);
    for (const item of pageLayout.texts) {
      page.drawText(item.text, {
        x: item.x,
        y: layout.height - item.y,
        size: item.size,
        font: fonts.get(item.face.key)!,
        color: rgb(0.1, 0.1, 0.1),
      });
    }
    for (const bar of pageLayout.bars) {
      page.drawRectangle({
        x: bar.x,
        y: layout.height - bar.y - bar.height,
        width: bar.width,
        height: bar.height,
        color: rgb(0.05, 0.05, 0.05),
      });
    }
  }
  return pdf.save();
}

/**
 * A PDF of page images and nothing else, like a photocopy put through a scanner: no fonts, no text
 * operators, so text search finds nothing in it until OCR has read it.
 */
export async function renderImagePdf(
  pageImages: Uint8Array[],
  size: { width: number; height: number },
  info: PdfInfo,
): Promise<Uint8Array> {
  const digest = createHash('sha256');
  for (const image of pageImages) digest.update(image);
  const pdf = await newPdf(info, `image:${info.title}:${digest.digest('hex')}`);
  for (const bytes of pageImages) {
    const image = await pdf.embedJpg(bytes);
    const page = pdf.addPage([size.width, size.height]);
    page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
    // pdf-lib gives every page an empty font dictionary; a scan has no business naming fonts at all.
    page.node.Resources()?.delete(PDFName.of('Font'));
  }
  return pdf.save();
}
