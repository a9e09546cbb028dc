import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { escapeHtml } from '../../shared/sanitize-html.ts';
import { clip, type FormatItem, problem, squash } from './format.ts';
import { readSourceText, SourceFileError } from './source-text.ts';

/**
 * Laws from the Laws & Regulations Database of the Republic of China (Taiwan), in the JSON the
 * Ministry of Justice publishes (one file per law, field names in Chinese): a folder with `zh/` and
 * `en/` holding the Chinese text and its official English translation under the same PCode. Each pair
 * is one record: the Chinese text as the original (Traditional Chinese), the English as its
 * translation, article by article with matching anchors so the two can be read side by side.
 */

type LawJson = {
  法規名稱?: string;
  中文法規名稱?: string;
  英文法規名稱?: string;
  法規性質?: string;
  最新異動日期?: string;
  最新英文異動日期?: string;
  沿革內容?: string;
  前言?: string;
  法規網址?: string;
  法規內容?: ({ 編章節?: string } & { 條號?: string; 條文內容?: string })[];
  附件?: { 檔案名稱?: string; 下載網址?: string }[];
};

export const isMojLawFolder = (dir: string): boolean =>
  fs.existsSync(path.join(dir, 'zh')) && fs.existsSync(path.join(dir, 'en'));

const kinds: Record<string, string> = { 憲法: 'constitution', 法律: 'law', 命令: 'regulation' };

export async function* readMojLawFolder(dir: string, displayRoot: string): AsyncGenerator<FormatItem> {
  const zhDir = path.join(dir, 'zh');
  const names = (await fsp.readdir(zhDir)).filter((name) => /\.json$/i.test(name)).sort();
  if (names.length === 0) {
    yield problem({ file: path.join(displayRoot, 'zh') }, 'no law files (PCode.json) in zh/');
    return;
  }
  for (const [index, name] of names.entries()) {
    const pcode = name.replace(/\.json$/i, '');
    const display = path.join(displayRoot, 'zh', name);
    const zh = await readLaw(path.join(zhDir, name));
    if ('error' in zh) {
      yield problem({ file: display }, zh.error, { record: pcode });
      continue;
    }
    const enFile = path.join(dir, 'en', name);
    const en = fs.existsSync(enFile) ? await readLaw(enFile) : undefined;
    if (en && 'error' in en) {
      yield problem(
        { file: path.join(displayRoot, 'en', name) },
        `the English translation was left out: ${en.error}`,
        {
          record: pcode,
          severity: 'warning',
        },
      );
    }
    const record = lawRecord(pcode, zh.law, en && !('error' in en) ? en.law : undefined);
    if (!record) {
      yield problem({ file: display }, 'the law has no name (法規名稱)', { record: pcode, field: 'title' });
      continue;
    }
    yield {
      kind: 'record',
      source: { file: display },
      record,
      baseDir: dir,
      progress: (index + 1) / names.length,
    };
  }
}

async function readLaw(file: string): Promise<{ law: LawJson } | { error: string }> {
  try {
    const value = JSON.parse(await readSourceText(file, 'JSON file')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { error: 'expected one JSON object' };
    return { law: value as LawJson };
  } catch (error) {
    if (error instanceof SourceFileError) return { error: error.message };
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** "19470101" as an ISO date, when it is one. */
function isoDay(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

export function lawRecord(
  pcode: string,
  zh: LawJson,
  en: LawJson | undefined,
): DocumentRecordInput | undefined {
  const titleZh = squash(zh.法規名稱 ?? zh.中文法規名稱 ?? '');
  if (titleZh === '') return undefined;
  const titleEn = squash(en?.英文法規名稱 ?? zh.英文法規名稱 ?? '');
  const kind = squash(zh.法規性質 ?? '');
  const historyEn = en?.沿革內容?.trim();
  const assets: NonNullable<DocumentRecordInput['assets']> = [
    { kind: 'transcript', language: 'zh-Hant', label: '中文', html: lawHtml(zh) },
  ];
  if (en) {
    assets.push({
      kind: 'translation',
      language: 'en',
      label: 'Official English translation',
      translator: 'Ministry of Justice, Republic of China (Taiwan)',
      html: lawHtml(en),
    });
  }
  return {
    externalId: `roc-law/${pcode}`,
    title: clip(titleEn || titleZh, 2000),
    subtitle: titleEn ? clip(titleZh, 2000) : null,
    summary: historyEn ? historyEn.replace(/\r\n?/g, '\n') : null,
    date: isoDay(zh.最新異動日期),
    type: kinds[kind] ?? (kind || null),
    languages: ['zh-Hant'],
    repository: 'Ministry of Justice, Republic of China (Taiwan)',
    archivalReference: `Laws & Regulations Database, PCode ${pcode}`,
    program: 'Laws & Regulations Database of the Republic of China (Taiwan)',
    rights:
      'Not protected by copyright: laws, regulations and official documents, and their translations by government ' +
      'agencies (Copyright Act of the Republic of China, art. 9). Also open data under the Open Government Data License 1.0.',
    collections: ['Laws of the Republic of China'],
    assets,
  };
}

/** The law as HTML: history, preamble, chapter headings and articles, each article with an anchor. */
function lawHtml(law: LawJson): string {
  const text = (value: string) => escapeHtml(value.replace(/\r\n?/g, '\n').trim()).replace(/\n/g, '<br>');
  const parts: string[] = [];
  if (law.前言?.trim()) parts.push(`<p>${text(law.前言)}</p>`);
  for (const item of law.法規內容 ?? []) {
    if (item.編章節) parts.push(`<h3>${text(item.編章節)}</h3>`);
    else if (item.條號) {
      const number = /\d+(?:-\d+)?/.exec(item.條號)?.[0];
      parts.push(`<h4${number ? ` id="article-${number}"` : ''}>${text(item.條號)}</h4>`);
      if (item.條文內容) parts.push(`<p>${text(item.條文內容)}</p>`);
    }
  }
  const notes: string[] = [];
  if (law.沿革內容?.trim()) notes.push(`<p class="note">${text(law.沿革內容)}</p>`);
  for (const attachment of law.附件 ?? []) {
    const url = attachment.下載網址 ?? '';
    if (/^https:\/\//.test(url) && attachment.檔案名稱) {
      notes.push(`<p class="note"><a href="${escapeHtml(url)}">${escapeHtml(attachment.檔案名稱)}</a></p>`);
    }
  }
  if (law.法規網址 && /^https:\/\//.test(law.法規網址)) {
    notes.push(`<p class="note"><a href="${escapeHtml(law.法規網址)}">${escapeHtml(law.法規網址)}</a></p>`);
  }
  const body = parts.join('\n');
  const section = notes.length > 0 ? `\n<section class="footnotes">\n${notes.join('\n')}\n</section>` : '';
  return `${body}${section}`;
}
