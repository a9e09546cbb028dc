import type { z } from 'zod';

/**
 * A problem with the import or export file as a whole (missing, a folder, empty, not UTF-8, not
 * JSON): the run cannot start or go on. The message is for the person at the terminal.
 */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A problem with one field of one record, thrown while preparing it (its files, for example). */
export class RecordFieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordFieldProblem';
  }
}

/**
 * One thing that went wrong (or was odd) with one record of an import file, located well enough for
 * an archivist to find and fix it: where (`line 12`, `documents[3]`), which record (its external ID
 * or title), which field (`assets[0].language`) and what.
 */
export type RecordProblem = {
  severity: 'error' | 'warning';
  location: string;
  record?: string | undefined;
  field?: string | undefined;
  message: string;
};

export function formatProblem(problem: RecordProblem): string {
  const record = problem.record ? ` (${problem.record})` : '';
  const field = problem.field ? `${problem.field}: ` : '';
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.location}${record}: ${severity}${field}${problem.message}`;
}

const maxMessageLength = 300;
const clip = (text: string) =>
  text.length > maxMessageLength ? `${text.slice(0, maxMessageLength)}…` : text;

/** `['assets', 0, 'language']` as people write it: `assets[0].language`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * Zod's issues as field/message pairs. A value that matches no branch of a union ("a name or an
 * object") is reported through the branch that got furthest, which names the real mistake
 * (`agents[0].role: invalid option`) instead of a bare "invalid input".
 */
export function describeIssues(issues: readonly Issue[], limit = 10): { field: string; message: string }[] {
  const flat: { path: PropertyKey[]; message: string }[] = [];
  const visit = (issue: Issue, prefix: PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deepest = issue.errors
        .map((branch) => ({ branch, depth: Math.max(0, ...branch.map((i) => i.path.length)) }))
        .sort((a, b) => b.depth - a.depth)[0]!;
      if (deepest.depth > 0) {
        for (const inner of deepest.branch) visit(inner, path);
        return;
      }
      const expected = issue.errors
        .flat()
        .map((i) => (i.code === 'invalid_type' ? i.expected : undefined))
        .filter((e): e is NonNullable<typeof e> => e !== undefined);
      if (expected.length > 0) {
        flat.push({ path, message: `expected ${[...new Set(expected)].join(' or ')}` });
        return;
      }
      for (const inner of deepest.branch) visit(inner, path);
      return;
    }
    flat.push({ path, message: issue.message });
  };
  for (const issue of issues) visit(issue, []);
  const described = flat
    .slice(0, limit)
    .map((i) => ({ field: formatFieldPath(i.path), message: clip(i.message) }));
  if (flat.length > limit) described.push({ field: '', message: `and ${flat.length - limit} more problems` });
  return described;
}

/** A short, single-line name for a record in messages: its external ID, else its title or name. */
export function recordLabel(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const pick = (key: string) => {
    const field = record[key];
    return typeof field === 'string' && field.trim() !== '' ? field.trim().replace(/\s+/g, ' ') : undefined;
  };
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (record.type === 'authority') {
    const name = pick('name');
    const kind = pick('kind') ?? 'authority';
    return name ? `${kind} "${short(name)}"` : undefined;
  }
  const externalId = pick('externalId');
  if (externalId) return `externalId "${short(externalId)}"`;
  const title = pick('title');
  return title ? `"${short(title)}"` : undefined;
}
