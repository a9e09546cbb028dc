import { type Container, createContainer } from '../app/container.ts';
import { createLogger } from '../app/logger.ts';
import { formatProblem, ImportFileError } from '../modules/import-export/import-export.errors.ts';
import { type ExportSummary, exportRecords } from '../modules/import-export/import-export.exporter.ts';
import { openImportSource } from '../modules/import-export/import-export.readers.ts';
import {
  type ImportSummary,
  importExportDeps,
  importHasErrors,
  importRecords,
} from '../modules/import-export/import-export.usecases.ts';
import type { Command, CommandContext } from './commands.ts';

type Output = { write(text: string): unknown; isTTY?: boolean };

/**
 * A one-line progress display on a terminal, redrawn at most ten times a second; nothing at all when
 * stderr is a file or a pipe, so logs of scheduled runs hold only the messages.
 */
function progressLine(stream: Output) {
  let last = 0;
  let shown = false;
  return {
    update(text: string) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stream.write(`\r\x1b[K${text}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatImportSummary(summary: ImportSummary): string {
  if (summary.dryRun) {
    return [
      `Checked ${summary.file} (dry run: nothing was written).`,
      `  valid:    ${plural(summary.valid, 'record')}`,
      `  invalid:  ${plural(summary.failed, 'record')}${summary.failed > 0 ? ' (see the messages above)' : ''}`,
      ...(summary.warnings > 0 ? [`  warnings: ${summary.warnings}`] : []),
      '',
    ].join('\n');
  }
  return [
    `Imported ${summary.file}.`,
    `  documents:   ${summary.documents.created} created, ${summary.documents.updated} updated`,
    `  authorities: ${summary.authorities.created} created, ${summary.authorities.updated} updated`,
    ...(summary.curated.created + summary.curated.updated > 0
      ? [`  themes and readers: ${summary.curated.created} created, ${summary.curated.updated} updated`]
      : []),
    `  failed:      ${plural(summary.failed, 'record')}${summary.failed > 0 ? ' (nothing of them was written; see the messages above)' : ''}`,
    ...(summary.unresolvedLinks > 0
      ? [`  links:       ${plural(summary.unresolvedLinks, 'link')} to missing documents left out`]
      : []),
    ...(summary.warnings > 0 ? [`  warnings:    ${summary.warnings}`] : []),
    '',
  ].join('\n');
}

export function formatExportSummary(summary: ExportSummary): string {
  const files = summary.filesWritten + summary.filesKept;
  return [
    `Exported ${plural(summary.authorities, 'authority', 'authorities')} and ${plural(summary.documents, 'document')} to ${summary.file}.`,
    ...(files > 0
      ? [
          `  files: ${files} in ${summary.filesDir} (${summary.filesWritten} copied, ${summary.filesKept} unchanged)`,
        ]
      : []),
    ...(summary.problems.length > 0
      ? [`  problems: ${summary.problems.length} (see the messages above)`]
      : []),
    '',
  ].join('\n');
}

async function openContainer(context: CommandContext): Promise<Container | undefined> {
  try {
    // Progress and messages go to stderr in plain words; the JSON logger would only repeat them.
    return await createContainer(context.config, { logger: createLogger({ silent: true }) });
  } catch (error) {
    process.stderr.write(
      `Cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return undefined;
  }
}

export const importCommand: Command = async (context) => {
  const { args, options } = context;
  if (args.length !== 1) {
    process.stderr.write(
      'Usage: chancery import <file or folder> [--format json|jsonl|frus-tei|tei|csv|jfk|markdown|moj-law|pdf-folder] [--dry-run]\n',
    );
    return 2;
  }
  const file = args[0]!;
  const format = typeof options.format === 'string' ? options.format : undefined;
  try {
    // A misspelt file name is reported before the database is even opened.
    await openImportSource(file, { format });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const container = await openContainer(context);
  if (!container) return 1;
  const progress = progressLine(process.stderr);
  try {
    const summary = await importRecords(importExportDeps(container), {
      file,
      format,
      dryRun: options['dry-run'] === true,
      onProblem: (problem) => {
        progress.clear();
        process.stderr.write(`${formatProblem(problem)}\n`);
      },
      onProgress: (p) => {
        const percent = p.totalBytes > 0 ? Math.floor((p.bytesRead / p.totalBytes) * 100) : 100;
        progress.update(
          `${percent}%  ${p.processed} records: ${p.documents.created + p.documents.updated} documents, ` +
            `${p.authorities.created + p.authorities.updated} authorities, ${p.failed} failed`,
        );
      },
    });
    progress.clear();
    process.stdout.write(formatImportSummary(summary));
    return importHasErrors(summary) ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (!(error instanceof ImportFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await container.close();
  }
};

export const exportCommand: Command = async (context) => {
  const { args } = context;
  if (args.length !== 1) {
    process.stderr.write('Usage: chancery export <file.jsonl>\n');
    return 2;
  }
  const container = await openContainer(context);
  if (!container) return 1;
  const progress = progressLine(process.stderr);
  try {
    const summary = await exportRecords(importExportDeps(container), {
      file: args[0]!,
      onProgress: (p) =>
        progress.update(
          `${p.documents}/${p.totalDocuments} documents, ${p.authorities} authorities, ${p.files} files`,
        ),
    });
    progress.clear();
    for (const problem of summary.problems) process.stderr.write(`${problem}\n`);
    process.stdout.write(formatExportSummary(summary));
    return summary.problems.length > 0 ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (!(error instanceof ImportFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await container.close();
  }
};
