import type { FC } from 'hono/jsx';
import { pluralize } from '../../app/ui/format.ts';
import { AuthorityLink } from '../../app/ui/names.tsx';
import { paths } from '../documents/documents.presenters.ts';
import { shortenSummary } from '../documents/page/document-list.tsx';
import { DocumentDate } from '../documents/page/document-metadata.tsx';
import type { CoOccurrence } from './authorities.cooccurrence.ts';
import type { AuthorityDocument } from './authorities.page-data.ts';

export const roleLabels: Record<AuthorityDocument['roles'][number], string> = {
  author: 'Author',
  recipient: 'Recipient',
  participant: 'Participant',
  mentioned: 'Mentioned',
  subject: 'Subject',
  place: 'Place',
  funder: 'Funder',
  collection: 'In this collection',
  repository: 'Original held here',
};

/** How a person or organization takes part: "Author of 3 documents", "Mentioned in 1 document". */
const rolePhrases: Partial<Record<AuthorityDocument['roles'][number], string>> = {
  author: 'Author of',
  recipient: 'Recipient of',
  participant: 'Participant in',
  mentioned: 'Mentioned in',
};

export function roleSummary(documents: readonly AuthorityDocument[]): string[] {
  return Object.entries(rolePhrases).flatMap(([role, phrase]) => {
    const n = documents.filter((d) => d.roles.includes(role as keyof typeof rolePhrases)).length;
    return n > 0 ? [`${phrase} ${pluralize(n, 'document')}`] : [];
  });
}

/** The timeline group of a document: its year, its decade when it is known only to one, or undated. */
function periodOf(d: AuthorityDocument): { key: string; label: string } {
  if (!d.date) return { key: 'undated', label: 'Undated' };
  const start = d.date.start.slice(0, 4);
  if (d.date.precision === 'decade' || d.date.end.slice(0, 4) !== start) {
    const label =
      d.date.precision === 'decade' ? `${start.slice(0, 3)}0s` : `${start}–${d.date.end.slice(0, 4)}`;
    return { key: label, label };
  }
  return { key: start, label: String(Number(start)) };
}

/** Documents in date order, undated last, so the timeline reads from the earliest. */
export const byDate = (a: AuthorityDocument, b: AuthorityDocument) =>
  (a.date ? 0 : 1) - (b.date ? 0 : 1) ||
  (a.date?.start ?? '').localeCompare(b.date?.start ?? '') ||
  a.id - b.id;

/**
 * The documents linked to an authority as a timeline: an ordered list of years (or spans, or
 * "Undated"), each with its documents and the role the authority plays in each.
 */
export const AuthorityTimeline: FC<{ documents: AuthorityDocument[]; showRoles: boolean; start: number }> = ({
  documents,
  showRoles,
  start,
}) => {
  const groups: { key: string; label: string; documents: AuthorityDocument[] }[] = [];
  for (const d of documents) {
    const period = periodOf(d);
    const last = groups[groups.length - 1];
    if (last?.key === period.key) last.documents.push(d);
    else groups.push({ ...period, documents: [d] });
  }
  let number = start;
  return (
    <ol class="authority-timeline">
      {groups.map((group, index) => (
        <li class="authority-timeline__period">
          <h3 class="authority-timeline__label" id={`period-${index}`}>
            {group.label}
          </h3>
          <ol class="document-list" start={number} aria-labelledby={`period-${index}`}>
            {group.documents.map((d) => {
              number++;
              return (
                <li class="document-list__item">
                  <h4 class="document-list__title">
                    <a href={paths.document(d.id)}>{d.title}</a>
                  </h4>
                  <p class="document-list__meta">
                    {d.date ? <DocumentDate date={d.date} /> : 'Undated'}
                    {showRoles ? (
                      <span class="document-list__role">
                        {' '}
                        · {d.roles.map((r) => roleLabels[r]).join(', ')}
                      </span>
                    ) : null}
                  </p>
                  {d.summary ? <p class="document-list__summary">{shortenSummary(d.summary)}</p> : null}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
};

/** "Appears with": the people who share the most published documents with this one. */
export const CoOccurrenceList: FC<{ people: CoOccurrence[] }> = ({ people }) =>
  people.length === 0 ? null : (
    <section class="authority-section" aria-labelledby="appears-with-heading">
      <h2 id="appears-with-heading">Appears with</h2>
      <p class="authority-count">People in the same published documents, most shared first.</p>
      <ol class="appears-with">
        {people.map((p) => (
          <li>
            <AuthorityLink authority={p.authority} />
            <span class="appears-with__count"> · {pluralize(p.documents, 'shared document')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
