import { ImportFileError } from '../../import-export/import-export.errors.ts';
import type { ImportSource, SourceItem } from '../../import-export/import-export.readers.ts';
import type { SourcePosition } from './format.ts';
import { FormatSourceError, openFormatSource } from './format-source.ts';

/**
 * The archive formats as a source of the record-format import pipeline (import-export): their
 * records go through the same validation, file checks, one-transaction-per-record saving and
 * update-by-external-ID as a JSONL file's, and their problems are reported the same way. Returns
 * undefined for JSON and JSONL, which the pipeline reads itself.
 */
export async function openArchiveFormat(
  file: string,
  format: string | undefined,
): Promise<ImportSource | undefined> {
  let source: Awaited<ReturnType<typeof openFormatSource>>;
  try {
    source = await openFormatSource(file, format);
  } catch (error) {
    if (error instanceof FormatSourceError) throw new ImportFileError(error.message);
    throw error;
  }
  if (!source) return undefined;
  const opened = source;
  return {
    file: opened.root,
    format: opened.format,
    byteSize: opened.byteSize,
    bytesRead: () => opened.bytesRead(),
    async *items(): AsyncGenerator<SourceItem> {
      for await (const item of opened.items()) {
        const location = describePosition(item.source);
        if (item.kind === 'record') yield { location, value: item.record, baseDir: item.baseDir };
        else if (item.severity === 'warning') {
          yield { location, warning: item.message, record: item.record, field: item.field };
        } else yield { location, error: item.message, record: item.record, field: item.field };
      }
    },
  };
}

export const describePosition = (source: SourcePosition): string =>
  source.line ? `${source.file}, line ${source.line}` : source.file;
