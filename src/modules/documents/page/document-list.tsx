import type { FC } from 'hono/jsx';
import { paths } from '../documents.presenters.ts';
import type { DocumentStub } from '../documents.repository.ts';
import { DocumentDate } from './document-metadata.tsx';

/** A summary cut at a word boundary, for lists; the document page always shows it whole. */
export function shortenSummary(text: string, max = 320): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).replace(/[\s,;:.]+$/, '')}…`;
}

/** One document in a list (home page, authority pages): title, date, a note, the summary shortened. */
export const DocumentListItem: FC<{
  document: DocumentStub & { summary?: string | null };
  note?: string;
}> = ({ document: d, note }) => (
  <li class="document-list__item">
    <article>
      <h3 class="document-list__title">
        <a href={paths.document(d.id)}>{d.title}</a>
      </h3>
      <p class="document-list__meta">
        {d.date ? <DocumentDate date={d.date} /> : 'Undated'}
        {note ? <span class="document-list__role"> · {note}</span> : null}
      </p>
      {d.summary ? <p class="document-list__summary">{shortenSummary(d.summary)}</p> : null}
    </article>
  </li>
);
