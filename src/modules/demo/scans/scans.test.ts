import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { berlinSectorCable } from '../content/berlin.ts';
import { liuzhouMinutes } from '../content/indochina.ts';
import { chervonenkoCable, ussuriMemo } from '../content/sino-soviet-border.ts';
import { octoberGreetings } from '../content/sino-soviet-split.ts';
import { kinmenTelegram } from '../content/taiwan-strait.ts';
import { huangMesyatsev } from '../content/xinjiang-1962.ts';
import type { DemoDocument } from '../demo.types.ts';
import { chooseFaces, measureRun, readFace } from './fonts.ts';
import { type GeneratedScan, generateScan } from './generate.ts';
import { layoutDemoText } from './layout.ts';
import { woffToSfnt } from './woff.ts';

/** The text of every page as pdf.js reads it (the way a browser's viewer and a text extractor see it). */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    disableFontFace: true,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
    );
  }
  await document.destroy();
  return pages;
}

/** Whether any page names a font or holds a text-showing operator: an image-only scan must do neither. */
async function hasTextMachinery(bytes: Uint8Array): Promise<boolean> {
  const pdf = await PDFDocument.load(bytes);
  for (const page of pdf.getPages()) {
    const resources = page.node.Resources();
    if (resources?.lookupMaybe(PDFName.of('Font'), PDFDict)) return true;
    const contents = page.node.Contents();
    const streams = contents ? ('asArray' in contents ? contents.asArray() : [contents]) : [];
    for (const ref of streams) {
      const stream = pdf.context.lookup(ref);
      if (stream instanceof PDFRawStream) {
        const { inflateSync } = await import('node:zlib');
        const raw = stream.dict.get(PDFName.of('Filter')) ? inflateSync(stream.contents) : stream.contents;
        if (/\bBT\b|\bTj\b|\bTJ\b/.test(Buffer.from(raw).toString('latin1'))) return true;
      }
    }
  }
  return false;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('generated demo scans', () => {
  const scans = new Map<DemoDocument, GeneratedScan>();
  const documents = [
    huangMesyatsev,
    chervonenkoCable,
    kinmenTelegram,
    berlinSectorCable,
    ussuriMemo,
    liuzhouMinutes,
    octoberGreetings,
  ];

  beforeAll(async () => {
    for (const document of documents) scans.set(document, (await generateScan(document))!);
  }, 120_000);

  it('are valid PDFs whose page count is the one recorded', async () => {
    for (const document of documents.filter((d) => d.scan?.form !== 'image')) {
      const scan = scans.get(document)!;
      expect(scan.mediaType).toBe('application/pdf');
      const pdf = await PDFDocument.load(scan.bytes);
      expect(pdf.getPageCount(), document.record.externalId).toBe(scan.pageCount);
    }
    expect(scans.get(huangMesyatsev)!.pageCount).toBe(2);
  });

  it('carry the original text in Chinese, Traditional Chinese, Russian and English in their text layer', async () => {
    const expectations: [DemoDocument, string[]][] = [
      [
        huangMesyatsev,
        [
          '黄镇副部长接见苏联驻华使馆临时代办梅夏采夫谈话记录',
          '时间：一九六二年八月九日下午六时',
          '我们同样希望边境保持安定',
        ],
      ],
      [kinmenTelegram, ['金門防衛司令部呈總統電', '絕對機密']],
      [chervonenkoCable, ['Шифртелеграмма№1126', 'заместитель министра иностранных дел КНР Чжан Ханьфу']],
      [berlinSectorCable, ['FromUSBERtoSecretaryofState', 'BernauerStrasse']],
    ];
    for (const [document, phrases] of expectations) {
      const text = squeeze((await pdfText(scans.get(document)!.bytes)).join(''));
      for (const phrase of phrases) expect(text, document.record.externalId).toContain(squeeze(phrase));
    }
  });

  it('keep words apart in the text layer of Latin and Cyrillic pages', async () => {
    const [page] = await pdfText(scans.get(berlinSectorCable)!.bytes);
    expect(page).toContain('Closing of the sector border');
  });

  it('black out withheld passages instead of hiding them in the text layer', async () => {
    const text = (await pdfText(scans.get(berlinSectorCable)!.bytes)).join(' ').replace(/\s+/g, ' ');
    expect(text).not.toContain('not declassified');
    expect(text).toContain('has not so far been tested.');
  });

  it('give image-only PDFs no text at all: no fonts, no text operators, nothing to extract', async () => {
    for (const document of [ussuriMemo, liuzhouMinutes]) {
      const { bytes } = scans.get(document)!;
      expect(await hasTextMachinery(bytes), document.record.externalId).toBe(false);
      expect((await pdfText(bytes)).join('').trim()).toBe('');
      const pdf = await PDFDocument.load(bytes);
      const xObjects = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
      expect(xObjects.keys().length).toBe(1);
    }
    expect(await hasTextMachinery(scans.get(huangMesyatsev)!.bytes)).toBe(true);
  });

  it('make a PNG photograph of a page for an image scan', () => {
    const scan = scans.get(octoberGreetings)!;
    expect(scan.mediaType).toBe('image/png');
    expect(Buffer.from(scan.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const view = new DataView(scan.bytes.buffer, scan.bytes.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([827, 1169]);
  });

  it('come out byte for byte the same every time', async () => {
    for (const document of [huangMesyatsev, ussuriMemo, octoberGreetings]) {
      const again = await generateScan(document);
      expect(
        Buffer.compare(Buffer.from(again!.bytes), Buffer.from(scans.get(document)!.bytes)),
        document.record.externalId,
      ).toBe(0);
    }
  });
});

describe('scan typesetting', () => {
  it('never starts a Chinese line with closing punctuation', () => {
    const layout = layoutDemoText(huangMesyatsev.original);
    for (const page of layout.pages) {
      const lineStarts = new Map<number, string>();
      for (const text of [...page.texts].sort((a, b) => a.x - b.x)) {
        if (!lineStarts.has(text.y)) lineStarts.set(text.y, text.text);
      }
      for (const start of lineStarts.values()) expect(start).not.toMatch(/^[，。、；：？！）》」”]/u);
    }
  });

  it('keeps every line inside the page margins', () => {
    for (const document of [huangMesyatsev, kinmenTelegram, chervonenkoCable, ussuriMemo]) {
      const layout = layoutDemoText(document.original);
      for (const page of layout.pages) {
        for (const text of page.texts) {
          expect(text.x).toBeGreaterThanOrEqual(60);
          expect(text.x + measureRun(text.face, text.text.trimEnd(), text.size)).toBeLessThanOrEqual(
            layout.width - 60,
          );
          expect(text.y).toBeLessThan(layout.height - 40);
        }
      }
    }
  });

  it('draws each character from a font subset that holds it', () => {
    const text = '黄镇副部长接见梅夏采夫。Месяцев, Huang Zhen';
    const faces = chooseFaces(text, 'serif-sc', 400);
    for (const ch of text.replace(/\s/g, '')) {
      const face = faces.get(ch.codePointAt(0)!);
      expect(face, ch).toBeDefined();
      expect(fontkit.create(Buffer.from(readFace(face!))).hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(
        true,
      );
    }
  });
});

describe('unpacking WOFF fonts', () => {
  it('gives the same font fontkit reads from the WOFF file itself', async () => {
    const { createRequire } = await import('node:module');
    const file = createRequire(import.meta.url).resolve(
      '@fontsource/noto-serif/files/noto-serif-cyrillic-400-normal.woff',
    );
    const woff = new Uint8Array(fs.readFileSync(file));
    const fromWoff = fontkit.create(Buffer.from(woff));
    const fromSfnt = fontkit.create(Buffer.from(woffToSfnt(woff)));
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
    expect(fromSfnt.layout('Москва').advanceWidth).toBe(fromWoff.layout('Москва').advanceWidth);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/WOFF/);
  });
});
