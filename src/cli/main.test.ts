import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const runCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin/chancery.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the chancery command', () => {
  it('exits with code 2 and lists every configuration problem', () => {
    const result = runCli(['migrate', '--port', 'x'], {
      DATABASE_URL: 'oracle://db',
      CHANCERY_BASE_URL: 'nope',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr).toMatch(/CHANCERY_BASE_URL/);
  });

  it('explains its usage for an unknown command and exits with code 2', () => {
    const result = runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage: chancery');
  });

  it('rejects unknown options instead of ignoring them', () => {
    const result = runCli(['serve', '--prot', '3000']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--prot/);
  });
});
