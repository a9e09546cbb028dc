import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The official OAI-PMH, oai_dc and oai-identifier schemas, bundled for offline validation. */
export const oaiSchemaPath =
  process.env.CHANCERY_OAI_SCHEMA ??
  path.resolve(repositoryRoot, '../shared/reference/schemas/validate-oai.xsd');

/** Validates one response with xmllint against the official schemas; returns xmllint's complaints. */
export function validateOai(xml: string): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-oai-'));
  const file = path.join(dir, 'response.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', oaiSchemaPath, file], { stdio: 'pipe' });
    return { valid: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: Buffer; message: string };
    return { valid: false, output: failure.stderr?.toString() ?? failure.message };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
