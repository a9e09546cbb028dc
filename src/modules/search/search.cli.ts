import { createContainer } from '../../app/container.ts';
import type { Command } from '../../cli/commands.ts';
import { type ReindexProgress, reindexAll } from './search.indexer.ts';

/**
 * `chancery reindex`: rebuilds the search index from the records, a batch per transaction (the site
 * keeps answering searches meanwhile), with progress on stderr. Needed after an upgrade that changes
 * the text analyser (searches say so) or to repair an index written by hand.
 */
export const reindexCommand: Command = async ({ config }) => {
  const container = await createContainer(config);
  const started = Date.now();
  const interactive = process.stderr.isTTY === true;
  const format = new Intl.NumberFormat('en');
  let lastReport = 0;
  const report = ({ done, total }: ReindexProgress) => {
    const now = Date.now();
    if (done < total && now - lastReport < 1000) return;
    lastReport = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const line = `Reindexed ${format.format(done)} of ${format.format(total)} documents (${Math.floor((done / Math.max(total, 1)) * 100)}%, ${format.format(Math.round(done / seconds))}/s)`;
    process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
  };
  try {
    process.stderr.write('Rebuilding the search index from the published records…\n');
    const { indexed } = await reindexAll(
      { db: container.database.db, dialect: container.database.dialect },
      { onProgress: report },
    );
    if (interactive) process.stderr.write('\n');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`The search index holds ${format.format(indexed)} documents (${seconds} s).\n`);
    return 0;
  } finally {
    await container.close();
  }
};
