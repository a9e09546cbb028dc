import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { formatProblem, type RecordProblem } from './import-export.errors.ts';
import { makePdf, tinyPng } from './import-export.fixtures.ts';
import {
  type ImportOptions,
  importExportDeps,
  importHasErrors,
  importRecords,
} from './import-export.usecases.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(databaseKinds())('importing records on %s', (kind) => {
  let context: TestContext;
  let folder: string;
  let pdf: Buffer;
  const deps = () => importExportDeps(context.container);
  const documents = () => createDocumentsRepository({ db: context.container.database.db });
  const authorities = () => createAuthoritiesRepository({ db: context.container.database.db });

  beforeAll(async () => {
    context = await createTestContext(kind);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-import-'));
    pdf = await makePdf(3);
    fs.mkdirSync(path.join(folder, 'scans'));
    fs.writeFileSync(path.join(folder, 'scans', 'FMA 118-01767-01.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'scans', 'page.png'), tinyPng);
    fs.writeFileSync(path.join(folder, 'scans', 'script.pdf'), '#!/bin/sh\nrm -rf /\n');
    fs.writeFileSync(
      path.join(folder, 'transcript.html'),
      '<!doctype html><html><head><title>Saved page</title><style>p{}</style></head>' +
        '<body><p id="fn1" onclick="x()">黄镇：你好。</p><script>alert(1)</script></body></html>',
    );
    fs.writeFileSync(path.join(folder, 'translation.txt'), 'Huang: Hello.\r\n\r\nSudarikov: <Greetings>.');
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Notes');
  });
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Writes records as JSONL (or as one JSON value for a .json name) beside the fixtures and imports them. */
  async function run(name: string, records: unknown, options: Partial<ImportOptions> = {}) {
    const file = path.join(folder, name);
    const content =
      typeof records === 'string'
        ? records
        : name.endsWith('.json')
          ? JSON.stringify(records)
          : (records as unknown[]).map((r) => JSON.stringify(r)).join('\n');
    fs.writeFileSync(file, content);
    const problems: RecordProblem[] = [];
    const summary = await importRecords(deps(), { file, onProblem: (p) => problems.push(p), ...options });
    return { summary, problems, messages: problems.map(formatProblem) };
  }

  it('imports authorities, documents, scans and text files, each where it belongs', async () => {
    const { summary, problems } = await run('full.jsonl', [
      {
        type: 'authority',
        kind: 'place',
        name: 'Xinjiang',
        parent: 'China',
        variants: [{ name: '新疆', language: 'zh' }],
      },
      { type: 'authority', kind: 'place', name: 'China', note: 'The People’s Republic' },
      { type: 'authority', kind: 'person', name: 'Huang Zhen', dates: '1909–1989', variants: ['黄镇'] },
      {
        externalId: 'import/full',
        title: 'Record of Conversation',
        date: 'c. 1962-08',
        languages: ['chi'],
        places: ['新疆'],
        agents: [{ name: '黄镇', role: 'participant' }],
        repository: 'Foreign Ministry Archive',
        assets: [
          { kind: 'scan', file: 'scans/FMA 118-01767-01.pdf', label: 'Original' },
          { kind: 'scan', file: 'scans\\page.png', fileName: 'Page one.png' },
          { kind: 'transcript', language: 'zh', file: 'transcript.html' },
          { kind: 'translation', language: 'en', file: 'translation.txt', translator: 'A Translator' },
        ],
      },
    ]);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({
      processed: 4,
      documents: { created: 1, updated: 0 },
      authorities: { created: 3, updated: 0 },
      failed: 0,
    });
    expect(importHasErrors(summary)).toBe(false);

    const id = (await documents().findIdByExternalId('import/full'))!;
    const stored = (await documents().findById(id))!;
    expect(stored.date).toEqual({
      start: '1962-08-01',
      end: '1962-08-31',
      precision: 'month',
      circa: true,
      time: null,
    });
    expect(stored.languages).toEqual(['zh']);
    expect(stored.places.map((p) => p.name)).toEqual(['Xinjiang']);
    expect(stored.agents).toMatchObject([{ name: 'Huang Zhen', role: 'participant', dates: '1909–1989' }]);
    const china = await authorities().findById(stored.places[0]!.parentId!);
    expect(china).toMatchObject({ name: 'China', note: 'The People’s Republic' });

    const [scan, image, transcript, translation] = stored.assets;
    expect(scan).toMatchObject({
      kind: 'scan',
      label: 'Original',
      blobSha256: sha256(pdf),
      mediaType: 'application/pdf',
      fileName: 'FMA 118-01767-01.pdf',
      pageCount: 3,
      byteSize: pdf.length,
    });
    expect(await context.container.storage.has(sha256(pdf))).toBe(true);
    expect(image).toMatchObject({
      mediaType: 'image/png',
      fileName: 'Page one.png',
      blobSha256: sha256(tinyPng),
    });
    expect(transcript).toMatchObject({ kind: 'transcript', language: 'zh', blobSha256: null });
    expect(transcript!.html).toBe('<p id="t-fn1">黄镇：你好。</p>');
    expect(translation).toMatchObject({ translator: 'A Translator' });
    expect(translation!.html).toBe('<p>Huang: Hello.</p>\n<p>Sudarikov: &lt;Greetings&gt;.</p>');
  });

  it('names line, record and field of each invalid record, writes nothing of it, and goes on', async () => {
    const before = await documents().countAll();
    const { summary, messages } = await run('invalid.jsonl', [
      { externalId: 'import/ok-1', title: 'Fine' },
      { externalId: 'import/bad-1', title: '', date: '1962-02-30' },
      {
        title: 'No external ID here',
        assets: [{ kind: 'transcript', language: 'klingon!', html: '<p>x</p>' }],
      },
      ['not', 'an', 'object'],
      {
        externalId: 'import/bad-2',
        title: 'Bad agent',
        agents: [{ name: 'X', role: 'villain' }],
        status: 'secret',
      },
      { externalId: 'import/ok-2', title: 'Also fine' },
    ]);
    expect(summary).toMatchObject({ documents: { created: 2, updated: 0 }, failed: 4 });
    expect(importHasErrors(summary)).toBe(true);
    expect(messages).toEqual([
      'line 2 (externalId "import/bad-1"): title: must not be empty',
      'line 2 (externalId "import/bad-1"): date: "1962-02-30" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or 1960s)',
      'line 3 ("No external ID here"): assets[0].language: "klingon!" is not a language code (use ISO 639, e.g. en, zh, ru)',
      'line 4: expected a JSON object (one record)',
      expect.stringMatching(/^line 5 \(externalId "import\/bad-2"\): status: /),
      expect.stringMatching(/^line 5 \(externalId "import\/bad-2"\): agents\[0\]\.role: /),
    ]);
    expect(await documents().countAll()).toBe(before + 2);
    expect(await documents().findIdByExternalId('import/bad-1')).toBeUndefined();
  });

  it('stores no file of a record whose other file is refused', async () => {
    const lonePdf = await makePdf(1, 'lonely');
    fs.writeFileSync(path.join(folder, 'scans', 'lonely.pdf'), lonePdf);
    const { summary, messages } = await run('half.jsonl', [
      {
        externalId: 'import/half',
        title: 'Half good',
        assets: [
          { kind: 'scan', file: 'scans/lonely.pdf' },
          { kind: 'scan', file: 'scans/script.pdf' },
        ],
      },
    ]);
    expect(summary.failed).toBe(1);
    expect(messages).toEqual([
      'line 1 (externalId "import/half"): assets[1].file: scans/script.pdf is not a PDF or an image (PNG, JPEG, TIFF, GIF, WebP); the type is read from the file\'s content',
    ]);
    expect(await context.container.storage.has(sha256(lonePdf))).toBe(false);
    expect(await documents().findIdByExternalId('import/half')).toBeUndefined();
  });

  it('refuses file paths that leave the folder of the import file', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.pdf'), pdf);
    fs.symlinkSync(path.join(outside, 'secret.pdf'), path.join(folder, 'link.pdf'));
    const scan = (file: string, externalId: string) => ({
      externalId,
      title: 'Escape',
      assets: [{ kind: 'scan', file }],
    });
    const { summary, messages } = await run('escape.jsonl', [
      scan('../../etc/passwd', 'import/escape-1'),
      scan('/etc/passwd', 'import/escape-2'),
      scan('scans/../../secret.pdf', 'import/escape-3'),
      scan('link.pdf', 'import/escape-4'),
      scan('C:\\Windows\\win.ini', 'import/escape-5'),
      scan('https://example.org/scan.pdf', 'import/escape-6'),
      scan('scans/missing.pdf', 'import/escape-7'),
      scan('scans', 'import/escape-8'),
      {
        externalId: 'import/escape-9',
        title: 'Markdown',
        assets: [{ kind: 'transcript', file: 'notes.md' }],
      },
    ]);
    fs.rmSync(outside, { recursive: true, force: true });
    expect(summary).toMatchObject({ failed: 9, documents: { created: 0, updated: 0 } });
    expect(messages).toEqual([
      'line 1 (externalId "import/escape-1"): assets[0].file: ../../etc/passwd points outside the folder of the import file',
      'line 2 (externalId "import/escape-2"): assets[0].file: /etc/passwd is an absolute path; give a path relative to the import file',
      'line 3 (externalId "import/escape-3"): assets[0].file: scans/../../secret.pdf points outside the folder of the import file',
      'line 4 (externalId "import/escape-4"): assets[0].file: link.pdf is a link to a file outside the folder of the import file',
      'line 5 (externalId "import/escape-5"): assets[0].file: C:\\Windows\\win.ini is an absolute path; give a path relative to the import file',
      'line 6 (externalId "import/escape-6"): assets[0].file: https://example.org/scan.pdf: files are read from disk, URLs are not fetched',
      'line 7 (externalId "import/escape-7"): assets[0].file: file not found: scans/missing.pdf',
      'line 8 (externalId "import/escape-8"): assets[0].file: scans is not a file',
      expect.stringMatching(
        /^line 9 \(externalId "import\/escape-9"\): assets\[0\]\.file: notes\.md: .*convert Markdown to HTML/,
      ),
    ]);
  });

  it('updates the record with the same external ID when a file is imported again', async () => {
    const first = await run('again.jsonl', [
      { externalId: 'import/again', title: 'First version', subjects: ['Borders'] },
    ]);
    expect(first.summary.documents).toEqual({ created: 1, updated: 0 });
    const count = await documents().countAll();
    const second = await run('again.jsonl', [
      { externalId: 'import/again', title: 'Corrected version', subjects: ['Borders', 'Migration'] },
    ]);
    expect(second.summary.documents).toEqual({ created: 0, updated: 1 });
    expect(await documents().countAll()).toBe(count);
    const stored = await documents().findById((await documents().findIdByExternalId('import/again'))!);
    expect(stored).toMatchObject({
      title: 'Corrected version',
      subjects: [{ name: 'Borders' }, { name: 'Migration' }],
    });
  });

  it('links to documents further down the file, and reports links to documents nowhere', async () => {
    const { summary, messages } = await run('links.jsonl', [
      {
        externalId: 'import/parent',
        title: 'Cover letter',
        attachments: [{ externalId: 'import/enclosure' }],
        related: [{ externalId: 'import/sibling' }, { externalId: 'import/nowhere' }],
      },
      { externalId: 'import/enclosure', title: 'Enclosure' },
      { externalId: 'import/sibling', title: 'Sibling' },
    ]);
    expect(summary).toMatchObject({ documents: { created: 3 }, failed: 0, unresolvedLinks: 1 });
    expect(importHasErrors(summary)).toBe(true);
    expect(messages).toEqual([
      'line 1 (externalId "import/parent"): related: no document with external ID "import/nowhere" in the archive or the file; the record was saved without this link',
    ]);
    const parent = (await documents().findById((await documents().findIdByExternalId('import/parent'))!))!;
    expect(parent.attachments.map((d) => d.externalId)).toEqual(['import/enclosure']);
    expect(parent.related.map((d) => d.externalId)).toEqual(['import/sibling']);
    const sibling = (await documents().findById((await documents().findIdByExternalId('import/sibling'))!))!;
    expect(sibling.related.map((d) => d.externalId)).toEqual(['import/parent']);
  });

  it('makes only the links of the last version when a file holds a record twice', async () => {
    const { summary } = await run('twice.jsonl', [
      {
        externalId: 'import/twice',
        title: 'First version',
        related: [{ externalId: 'import/twice-target' }],
      },
      { externalId: 'import/twice', title: 'Second version, without the link' },
      { externalId: 'import/twice-target', title: 'Target' },
    ]);
    expect(summary).toMatchObject({ documents: { created: 2, updated: 1 }, failed: 0, unresolvedLinks: 0 });
    const twice = (await documents().findById((await documents().findIdByExternalId('import/twice'))!))!;
    expect(twice).toMatchObject({ title: 'Second version, without the link', related: [] });
  });

  it('reads a JSON file with authorities and documents lists and names records by index', async () => {
    const { summary, messages } = await run('set.json', {
      authorities: [{ kind: 'subject', name: 'Nuclear weapons', variants: ['Atomic weapons'] }],
      documents: [{ externalId: 'import/json-1', title: 'One', subjects: ['atomic weapons'] }, { title: 42 }],
    });
    expect(summary).toMatchObject({ documents: { created: 1 }, authorities: { created: 1 }, failed: 1 });
    expect(messages).toEqual([expect.stringMatching(/^documents\[1\]: title: /)]);
    const stored = (await documents().findById((await documents().findIdByExternalId('import/json-1'))!))!;
    expect(stored.subjects.map((s) => s.name)).toEqual(['Nuclear weapons']);
  });

  it('writes nothing in a dry run but still checks every record and file', async () => {
    const count = await documents().countAll();
    const authorityCount = (await authorities().list()).length;
    const { summary, messages } = await run(
      'dry.jsonl',
      [
        { type: 'authority', kind: 'person', name: 'Dry Run Person' },
        { externalId: 'import/dry-1', title: 'Dry', assets: [{ kind: 'scan', file: 'scans/page.png' }] },
        { externalId: 'import/dry-2', title: 'Dry', assets: [{ kind: 'scan', file: 'scans/script.pdf' }] },
      ],
      { dryRun: true },
    );
    expect(summary).toMatchObject({
      dryRun: true,
      valid: 2,
      failed: 1,
      documents: { created: 0, updated: 0 },
    });
    expect(messages).toHaveLength(1);
    expect(await documents().countAll()).toBe(count);
    expect((await authorities().list()).length).toBe(authorityCount);
  });

  it('warns about fields the format does not know, and imports the record', async () => {
    const { summary, messages } = await run('unknown.jsonl', [
      {
        externalId: 'import/unknown',
        title: 'Typo',
        sumary: 'misspelt',
        assets: [{ kind: 'transcript', html: '<p>x</p>', lang: 'en' }],
      },
    ]);
    expect(summary).toMatchObject({ documents: { created: 1 }, failed: 0, warnings: 2 });
    expect(importHasErrors(summary)).toBe(false);
    expect(messages).toEqual([
      'line 1 (externalId "import/unknown"): warning: sumary: unknown field, ignored',
      'line 1 (externalId "import/unknown"): warning: assets[0].lang: unknown field, ignored',
    ]);
  });

  it('treats keys every object inherits, such as __proto__, as unknown fields and nothing more', async () => {
    const { summary, messages } = await run(
      'proto.jsonl',
      '{"externalId": "import/proto", "title": "Proto", "__proto__": {"status": "draft"}, "constructor": 1, ' +
        '"agents": [{"name": "A", "toString": "x"}]}',
    );
    expect(summary).toMatchObject({ documents: { created: 1 }, failed: 0, warnings: 3 });
    expect(messages.map((m) => m.replace(/^.*warning: /, ''))).toEqual([
      '__proto__: unknown field, ignored',
      'constructor: unknown field, ignored',
      'agents[0].toString: unknown field, ignored',
    ]);
    const stored = await documents().findById((await documents().findIdByExternalId('import/proto'))!);
    expect(stored?.status).toBe('published');
  });

  it('keeps two authorities of a file apart when they share a name but not an ID', async () => {
    const { problems } = await run('namesakes.jsonl', [
      { type: 'authority', id: 9001, kind: 'person', name: 'Wang Li', dates: '1921–1996' },
      { type: 'authority', id: 9002, kind: 'person', name: 'Wang Li', dates: '1900–1986' },
      { externalId: 'import/namesake-1', title: 'One', agents: [{ id: 9001, name: 'Wang Li' }] },
      { externalId: 'import/namesake-2', title: 'Two', agents: [{ id: 9002, name: 'Wang Li' }] },
    ]);
    expect(problems).toEqual([]);
    const one = (await documents().findById((await documents().findIdByExternalId('import/namesake-1'))!))!;
    const two = (await documents().findById((await documents().findIdByExternalId('import/namesake-2'))!))!;
    expect(one.agents[0]).toMatchObject({ id: 9001, dates: '1921–1996' });
    expect(two.agents[0]).toMatchObject({ id: 9002, dates: '1900–1986' });
  });

  it('does not take an authority ID from another archive to mean whoever has it here', async () => {
    const here = (await documents().findById((await documents().findIdByExternalId('import/full'))!))!
      .agents[0]!;
    const { problems } = await run('foreign.jsonl', [
      { type: 'authority', id: here.id, kind: 'person', name: 'Nikolai Sudarikov' },
      {
        externalId: 'import/foreign',
        title: 'Foreign',
        agents: [{ id: here.id, name: 'Nikolai Sudarikov', role: 'recipient' }],
      },
    ]);
    expect(problems).toEqual([]);
    const stored = (await documents().findById((await documents().findIdByExternalId('import/foreign'))!))!;
    expect(stored.agents[0]).toMatchObject({ name: 'Nikolai Sudarikov', role: 'recipient' });
    expect(stored.agents[0]!.id).not.toBe(here.id);
    expect((await authorities().findById(here.id))!.variants.map((v) => v.name)).not.toContain(
      'Nikolai Sudarikov',
    );
  });

  it('reports a parent on an authority that cannot have one', async () => {
    const { messages } = await run('parent.jsonl', [
      { type: 'authority', kind: 'person', name: 'Someone', parent: 'Family' },
    ]);
    expect(messages).toEqual([
      'line 1 (person "Someone"): parent: only places and collections have a parent, not a person',
    ]);
  });
});
