/**
 * Writes docs/import-format.schema.json from the zod record schemas (`npm run docs:schema`).
 * import-export.json-schema.test.ts fails when the committed file is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  importJsonSchemaText,
  importSchemaPath,
} from '../src/modules/import-export/import-export.json-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, importSchemaPath);
fs.writeFileSync(target, importJsonSchemaText());
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
