import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';

/** Runs `chancery` in this process and collects what it prints. */
async function chancery(args: string[], dataDir: string) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args, { CHANCERY_DATA_DIR: dataDir, CHANCERY_WORKER: 'off' }), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('chancery import with archive formats', () => {
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-formats-cli-'));
    fs.mkdirSync(path.join(folder, 'notes'));
    fs.writeFileSync(
      path.join(folder, 'notes', 'one.md'),
      '---\ntitle: One\nexternal_id: md-1\ndate: 1962\n---\n\nText.\n',
    );
    fs.writeFileSync(
      path.join(folder, 'notes', 'two.md'),
      '---\ntitle: Two\nexternal_id: md-2\ndate: 1962-13\n---\n\nText.\n',
    );
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('detects the format of a folder, checks it in a dry run, then imports and re-imports it without duplicates', async () => {
    const dataDir = path.join(folder, 'data');
    const dry = await chancery(['import', path.join(folder, 'notes'), '--dry-run'], dataDir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(
      /dry run: nothing was written[\s\S]*valid: {4}1 record[\s\S]*invalid: {2}1 record/,
    );
    expect(dry.stderr).toMatch(/notes\/two\.md \(externalId "md-2"\): date: "1962-13" is not a date/);

    const first = await chancery(['import', path.join(folder, 'notes')], dataDir);
    expect(first.stdout).toMatch(/documents: {3}1 created, 0 updated/);
    const second = await chancery(['import', path.join(folder, 'notes'), '--format', 'markdown'], dataDir);
    expect(second.stdout).toMatch(/documents: {3}0 created, 1 updated/);
  });

  it('refuses an unknown format with the list of formats, before opening the archive', async () => {
    const result = await chancery(['import', folder, '--format', 'docx'], path.join(folder, 'other'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Unknown format "docx": use one of json, jsonl, frus-tei, tei, csv, jfk, markdown, moj-law, pdf-folder/,
    );
  });
});
