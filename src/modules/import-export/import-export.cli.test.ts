import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { makePdf } from './import-export.fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in this process and collects what it prints. */
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
    const code = await main(args, { CHANCERY_DATA_DIR: dataDir });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('chancery import and export on the command line', () => {
  let folder: string;
  const dataDir = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-cli-'));
    fs.writeFileSync(path.join(folder, 'scan.pdf'), await makePdf(1));
    fs.writeFileSync(
      path.join(folder, 'records.jsonl'),
      [
        { type: 'authority', kind: 'person', name: 'Huang Zhen' },
        {
          externalId: 'cli/1',
          title: 'First',
          agents: [{ name: 'Huang Zhen' }],
          assets: [{ kind: 'scan', file: 'scan.pdf' }],
        },
        { externalId: 'cli/2', title: 'Second', languages: ['xx-bad!'] },
        { externalId: 'cli/3', title: 'Third', status: 'draft' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('imports the good records, reports the bad one and exits with 1', async () => {
    const { code, stdout, stderr } = await chancery(
      ['import', path.join(folder, 'records.jsonl')],
      dataDir('a'),
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      'line 3 (externalId "cli/2"): languages[0]: "xx-bad!" is not a language code (use ISO 639, e.g. en, zh, ru)\n',
    );
    expect(stdout).toContain('documents:   2 created, 0 updated');
    expect(stdout).toContain('authorities: 1 created, 0 updated');
    expect(stdout).toContain('failed:      1 record');
  });

  it('exports every record and restores it into an empty archive, exiting with 0', async () => {
    const backup = path.join(folder, 'backup', 'archive.jsonl');
    const exported = await chancery(['export', backup], dataDir('a'));
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toContain('Exported 1 authority and 2 documents');
    expect(exported.stdout).toContain('files: 1 in');

    const restored = await chancery(['import', backup], dataDir('b'));
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain('documents:   2 created, 0 updated');
    expect(restored.stdout).toContain('failed:      0 records');
  });

  it('checks a file without writing anything with --dry-run', async () => {
    const { code, stdout } = await chancery(
      ['import', path.join(folder, 'records.jsonl'), '--dry-run'],
      dataDir('c'),
    );
    expect(code).toBe(1);
    expect(stdout).toContain('dry run: nothing was written');
    expect(stdout).toContain('valid:    3 records');
  });

  it('explains a missing file before it opens any database', async () => {
    const { code, stdout, stderr } = await chancery(
      ['import', path.join(folder, 'nowhere.jsonl')],
      dataDir('d'),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`No such file: ${path.join(folder, 'nowhere.jsonl')}\n`);
    expect(fs.existsSync(dataDir('d'))).toBe(false);
  });

  it('answers a wrong command line with its usage and exit code 2', async () => {
    expect(await chancery(['import'], dataDir('e'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage'),
    });
    expect(await chancery(['export', 'a.jsonl', 'b.jsonl'], dataDir('e'))).toMatchObject({ code: 2 });
  });

  it('refuses to export onto a folder', async () => {
    const { code, stderr } = await chancery(['export', folder], dataDir('a'));
    expect(code).toBe(1);
    expect(stderr).toContain('is a folder');
  });

  it('prints a plain message and no stack trace when run as a program', { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const missing = path.join(folder, 'missing.jsonl');
    const result = await run(process.execPath, ['bin/chancery.js', 'import', missing], {
      cwd: root,
      env: { ...process.env, CHANCERY_DATA_DIR: dataDir('f') },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`No such file: ${missing}\n`);
  });
});
