import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture } from '../documents/documents.pages.fixtures.ts';
import { makeHistoricalDate } from '../documents/historical-date.ts';
import type { CitableDocument } from './chicago.ts';
import { createCitationCatalog } from './csl-styles.ts';

/** A small CSL style written for this test: a note citation and a bibliography entry. */
const archiveTestStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Archive Test &amp; Check</title>
    <id>http://example.org/styles/archive-test</id>
    <updated>2026-11-28T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout suffix=".">
      <group delimiter=", ">
        <text variable="title" quotes="true"/>
        <text variable="archive"/>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=" | ">
        <text variable="title"/>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="archive"/>
        <text variable="archive_location"/>
        <names variable="translator" prefix="translator: "><name/></names>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;

const dependentStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Dependent One</title><id>x</id>
  <link href="http://www.zotero.org/styles/archive-test" rel="independent-parent"/></info>
</style>
`;

const doc: CitableDocument = {
  id: 42,
  title: 'Cable on the Border Talks',
  date: makeHistoricalDate({ start: '1962-08-09' }),
  program: null,
  repository: { name: 'PRC Foreign Ministry Archive' },
  archivalReference: 'PRC FMA 118-01767-01',
  credits: [{ role: 'translator', name: 'Example Translation Agency' }],
  agents: [],
};
const options = { baseUrl: 'https://archive.example.org', archiveName: 'Chancery Digital Archive' };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-csl-'));
  fs.writeFileSync(path.join(dir, 'archive-test.csl'), archiveTestStyle);
  fs.writeFileSync(path.join(dir, 'dependent-one.csl'), dependentStyle);
  fs.writeFileSync(path.join(dir, 'broken.csl'), '<style><citation><layout><text variable=');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a style');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CSL styles from a configured directory', () => {
  it('formats a record with a style file through citation-js, the URL a link', () => {
    const catalog = createCitationCatalog(dir);
    const style = catalog.find('csl:archive-test');
    expect(style.id).toBe('csl:archive-test');
    expect(style.label).toBe('Archive Test & Check (CSL)');
    const [citation, bibliography] = style.format(doc, options);
    expect(citation!.citation.text).toBe('“Cable on the Border Talks,” PRC Foreign Ministry Archive.');
    expect(bibliography!.citation.text).toBe(
      'Cable on the Border Talks | 1962 | PRC Foreign Ministry Archive | PRC FMA 118-01767-01 | ' +
        'translator: Example Translation Agency | https://archive.example.org/documents/42.',
    );
    expect(bibliography!.citation.html).toContain(
      '<a href="https://archive.example.org/documents/42">https://archive.example.org/documents/42</a>',
    );
  });

  it('lists only independent, readable style files and falls back to Chicago for anything else', () => {
    const catalog = createCitationCatalog(dir);
    expect(catalog.cslCount).toBe(3);
    expect(catalog.listedCsl.map((s) => s.id)).toContain('csl:archive-test');
    expect(catalog.listedCsl.map((s) => s.id)).not.toContain('csl:dependent-one');
    for (const request of [
      'csl:dependent-one',
      'csl:notes',
      'csl:../archive-test',
      'csl:missing',
      undefined,
    ]) {
      expect(catalog.find(request).id, String(request)).toBe('chicago');
    }
  });

  it('never fails a page on a style the processor cannot run', () => {
    const catalog = createCitationCatalog(dir);
    const style = catalog.find('csl:broken');
    const forms = style.format(doc, options);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms[0]!.citation.text).toContain('Cable on the Border Talks');
  });

  it('offers no CSL styles when no directory is configured or it does not exist', () => {
    expect(createCitationCatalog(undefined).cslCount).toBe(0);
    expect(createCitationCatalog(path.join(dir, 'nowhere')).find('csl:archive-test').id).toBe('chicago');
  });

  const debianStyles = '/usr/share/citation-style-language/styles';
  it.skipIf(!fs.existsSync(path.join(debianStyles, 'chicago-note-bibliography.csl')))(
    "runs the Debian package's Chicago notes-bibliography style on an archival record",
    () => {
      const catalog = createCitationCatalog(debianStyles);
      expect(catalog.cslCount).toBeGreaterThan(60);
      expect(catalog.listedCsl).toEqual([]);
      const style = catalog.find('csl:chicago-note-bibliography');
      expect(style.id).toBe('csl:chicago-note-bibliography');
      const text = style
        .format(doc, options)
        .map((f) => f.citation.text)
        .join('\n');
      expect(text).toContain('Cable on the Border Talks');
      expect(text).toContain('PRC Foreign Ministry Archive');
      expect(text).toContain('https://archive.example.org/documents/42');
    },
  );
});

describe('CSL styles on the document page', () => {
  let context: TestContext;
  let id: number;
  beforeAll(async () => {
    context = await createTestContext('sqlite', { CHANCERY_PAGE_CACHE: 'off', CHANCERY_CSL_DIR: dir });
    id = await saveFixture(context, huangZhenRecord());
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('lists the installed style beside the built-in ones and renders it on ?cite=csl:<name>', async () => {
    const plain = await (await context.app.request(`/documents/${id}`)).text();
    expect(plain).toContain(`href="/documents/${id}?cite=csl%3Aarchive-test#cite"`);
    const html = await (await context.app.request(`/documents/${id}?cite=csl:archive-test`)).text();
    expect(html).toContain('Archive Test &amp; Check (CSL)');
    expect(html).toContain('PRC FMA 118-01767-01, 1-6 | translator: Example Translation Agency');
  });
});
