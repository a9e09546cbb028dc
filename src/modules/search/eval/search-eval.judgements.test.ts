import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgementsFile, loadJudgements } from './search-eval.judgements.ts';

describe('the judged query set', () => {
  it('holds at least 40 queries, each with graded relevant documents and a kind', () => {
    const queries = loadJudgements();
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const query of queries) {
      expect(Object.values(query.relevant).some((grade) => grade === 2 || grade === 1)).toBe(true);
    }
    const kinds = new Set(queries.flatMap((query) => query.kinds));
    for (const kind of ['name', 'topic', 'misspelling', 'date', 'chinese', 'cross-language']) {
      expect(kinds).toContain(kind);
    }
  });

  it('refuses a file with a grade other than 1 or 2, or repeated query IDs', () => {
    const original = JSON.parse(fs.readFileSync(judgementsFile, 'utf8'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-judgements-'));
    try {
      const write = (value: unknown) => {
        const file = path.join(dir, 'judgements.json');
        fs.writeFileSync(file, JSON.stringify(value));
        return file;
      };
      const badGrade = structuredClone(original);
      badGrade.queries[0].relevant = { 'some/doc': 3 };
      expect(() => loadJudgements(write(badGrade))).toThrow();
      const repeated = structuredClone(original);
      repeated.queries[1].id = repeated.queries[0].id;
      expect(() => loadJudgements(write(repeated))).toThrow(/repeat/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
