import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { createDocumentsRepository } from '../../documents/documents.repository.ts';
import { formatProblem, type RecordProblem } from '../../import-export/import-export.errors.ts';
import {
  type ImportOptions,
  importExportDeps,
  importRecords,
} from '../../import-export/import-export.usecases.ts';
import { corpusRoot, hasCorpus } from './corpus.test-support.ts';

async function pdfWithTitle(title: string | undefined): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage([200, 200]).drawText('page', { x: 20, y: 100, size: 12 });
  if (title) pdf.setTitle(title);
  return Buffer.from(await pdf.save());
}

const tei = (id: string, title: string, when: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title type="complete">${title}</title></titleStmt><publicationStmt><date type="created" when="${when}"/></publicationStmt>
</fileDesc></teiHeader><text><body><div type="document" xml:id="${id}"><head>${title}</head><p>Text of ${title}.</p></div></body></text></TEI>`;

describe.each(databaseKinds())('importing archive formats through the import pipeline on %s', (kind) => {
  let context: TestContext;
  let folder: string;
  const documents = () => createDocumentsRepository({ db: context.container.database.db });
  const run = async (target: string, options: Partial<ImportOptions> = {}) => {
    const problems: RecordProblem[] = [];
    const summary = await importRecords(importExportDeps(context.container), {
      file: target,
      onProblem: (problem) => problems.push(problem),
      ...options,
    });
    return { summary, problems, messages: problems.map(formatProblem) };
  };
  const byExternalId = async (externalId: string) => {
    const id = await documents().findIdByExternalId(externalId);
    return id === undefined ? undefined : documents().findById(id);
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-formats-import-'));
    const write = (name: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), content);
    };
    write('tei/1957-01-01-a.xml', tei('a', 'First letter', '1957-01-01'));
    write('tei/1958-02-03-b.xml', tei('b', 'Second letter', '1958-02-03'));
    write('tei/broken.xml', tei('c', 'Broken', '1959-01-01').slice(0, 200));
    write('tei/disguised.xml', await pdfWithTitle(undefined));
    write(
      'inventory/boxes.csv',
      'id,title,date,languages,scan_file,transcript_file,people\n' +
        'BOX-1,First folder,1962-08-09,en,scans/one.pdf,texts/one.txt,"Kennedy, John F."\n' +
        'BOX-2,Second folder,00/00/1963,en,,,\n' +
        'BOX-3,Third folder,1963,en,../../etc/passwd,,\n',
    );
    write('inventory/scans/one.pdf', await pdfWithTitle(undefined));
    write('inventory/texts/one.txt', 'Line one.\n\nLine two.');
    write('scans/1962-08-09_report_on_talks.pdf', await pdfWithTitle('Report on the Vienna talks'));
    write('scans/untitled_scan.pdf', await pdfWithTitle('Microsoft Word - scan.doc'));
    write('scans/notes.pdf', 'just text, named .pdf');
  });
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('imports a folder of single-document TEI files, reporting the broken ones by file and line', async () => {
    const { summary, messages } = await run(path.join(folder, 'tei'));
    expect(summary.documents).toEqual({ created: 2, updated: 0 });
    expect(summary.failed).toBe(2);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tei\/broken\.xml, line \d+: the XML ends too early/),
        'tei/disguised.xml: this is a PDF, not a TEI XML file',
      ]),
    );
    expect(await byExternalId('1958-02-03-b')).toMatchObject({ title: 'Second letter' });
  });

  it('changes nothing in a dry run, and reports the same problems', async () => {
    const before = await documents().findIdByExternalId('BOX-1');
    const { summary } = await run(path.join(folder, 'inventory', 'boxes.csv'), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, valid: 1, failed: 2 });
    expect(before).toBeUndefined();
    expect(await documents().findIdByExternalId('BOX-1')).toBeUndefined();
  });

  it('imports a CSV inventory with its files, while rows with a bad date or a path out of the folder fail alone', async () => {
    const { summary, messages } = await run(path.join(folder, 'inventory', 'boxes.csv'));
    expect(summary.documents).toEqual({ created: 1, updated: 0 });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^boxes\.csv, line 3 \(BOX-2\): date: "00\/00\/1963" is ambiguous/),
        expect.stringMatching(
          /^boxes\.csv, line 4 \(externalId "BOX-3"\): assets\[0\]\.file: .*outside the folder/,
        ),
      ]),
    );
    const record = await byExternalId('BOX-1');
    expect(record?.assets.map((asset) => asset.kind).sort()).toEqual(['scan', 'transcript']);
    expect(record?.agents.map((agent) => agent.name)).toEqual(['Kennedy, John F.']);
    expect(await documents().findIdByExternalId('BOX-3')).toBeUndefined();
  });

  it('imports a folder of scans, one record each, judging files by their content and updating on a second run', async () => {
    const first = await run(path.join(folder, 'scans'));
    expect(first.summary.documents).toEqual({ created: 2, updated: 0 });
    expect(first.messages).toEqual([
      'scans/notes.pdf: warning: not a PDF or image (judged by its content, not its name); skipped',
    ]);
    expect(await byExternalId('1962-08-09_report_on_talks')).toMatchObject({
      title: 'Report on the Vienna talks',
      date: { start: '1962-08-09' },
    });
    expect(await byExternalId('untitled_scan')).toMatchObject({ title: 'untitled scan' });
    const second = await run(path.join(folder, 'scans'), { format: 'pdf-folder' });
    expect(second.summary.documents).toEqual({ created: 0, updated: 2 });
  });

  it('refuses an unknown format and a folder with nothing to import, before reading anything', async () => {
    await expect(run(folder, { format: 'docx' })).rejects.toThrow(/Unknown format "docx"/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-empty-'));
    await expect(run(empty)).rejects.toThrow(/Nothing to import/);
    fs.rmSync(empty, { recursive: true });
  });
});

describe.skipIf(!hasCorpus)('importing corpus subsets into SQLite', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(() => context.dispose());

  it('imports the FRUS-history documents and then the JFK set, with their scans, twice without duplicates', async () => {
    const deps = importExportDeps(context.container);
    for (const subset of ['frus-history-documents', 'jfk']) {
      const problems: RecordProblem[] = [];
      const first = await importRecords(deps, {
        file: path.join(corpusRoot, subset),
        onProblem: (p) => problems.push(p),
      });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(first.documents.created).toBe(subset === 'jfk' ? 200 : 50);
    }
    const again = await importRecords(deps, { file: path.join(corpusRoot, 'frus-history-documents') });
    expect(again.documents).toEqual({ created: 0, updated: 50 });
    const repository = createDocumentsRepository({ db: context.container.database.db });
    const record = await repository.findById((await repository.findIdByExternalId('104-10004-10143'))!);
    expect(record?.assets.filter((asset) => asset.kind === 'scan')).toHaveLength(2);
    expect(record?.assets.filter((asset) => asset.kind === 'transcript').map((asset) => asset.label)).toEqual(
      ['OCR text', 'OCR text (C06932208)'],
    );
  }, 300_000);
});
