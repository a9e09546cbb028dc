import type { FC } from 'hono/jsx';
import { formatTimeOfDay, formatTimestampDate, historicalDateTimeAttribute } from '../../../app/ui/format.ts';
import { AuthorityLink } from '../../../app/ui/names.tsx';
import type { Authority } from '../../authorities/authorities.repository.ts';
import { languageName } from '../../shared/languages.ts';
import { paths } from '../documents.presenters.ts';
import type { DocumentStub, StoredDocument } from '../documents.repository.ts';
import { formatHistoricalDate, type HistoricalDate } from '../historical-date.ts';
import type { DocumentView } from './document-views.ts';

/** The date as readers see it ("August 09, 1962"), with the time when the record gives one. */
export const DocumentDate: FC<{ date: HistoricalDate }> = ({ date }) => (
  <>
    <time datetime={historicalDateTimeAttribute(date)}>{formatHistoricalDate(date)}</time>
    {date.time ? <span class="document-date__time">, {formatTimeOfDay(date.time)}</span> : null}
  </>
);

const agentRoleLabels = {
  author: ['Author', 'Authors'],
  recipient: ['Recipient', 'Recipients'],
  participant: ['Participant', 'Participants'],
  mentioned: ['Mentioned', 'Mentioned'],
} as const;

const creditRoleLabels: Record<string, string> = {
  translator: 'Translated by',
  transcriber: 'Transcribed by',
  editor: 'Edited by',
  contributor: 'Contributed by',
};

/** One row of the panel; rows with nothing to say are left out rather than shown empty. */
const Row: FC<{ label: string; items: unknown[]; id?: string }> = ({ label, items, id }) =>
  items.length === 0 ? null : (
    <div class="meta-row" id={id}>
      <dt>{label}</dt>
      {items.map((item) => (
        <dd>{item}</dd>
      ))}
    </div>
  );

/** Forms in other scripts help with people, organizations and places; subjects and the like are terms. */
const authorityItems = (authorities: Authority[], withVariants = true) =>
  authorities.map((a) => <AuthorityLink authority={a} withVariants={withVariants} />);

const DocumentStubLink: FC<{ stub: DocumentStub }> = ({ stub }) => (
  <>
    <a href={paths.document(stub.id)}>{stub.title}</a>
    {stub.date ? <span class="meta-date"> ({formatHistoricalDate(stub.date)})</span> : null}
  </>
);

/** Everything the record knows, as a description list beside (or below) the text. */
export const DocumentMetadata: FC<{ document: StoredDocument; views: DocumentView[] }> = ({
  document: d,
  views,
}) => {
  const agentsByRole = (Object.keys(agentRoleLabels) as (keyof typeof agentRoleLabels)[]).map((role) => ({
    role,
    agents: d.agents.filter((a) => a.role === role),
  }));
  const translations = views.filter((v) => v.kind === 'translation' && v.asset.language);
  const credits = Object.entries(creditRoleLabels).map(([role, label]) => ({
    label,
    names: d.credits.filter((c) => c.role === role).map((c) => c.name),
  }));
  return (
    <aside class="document-meta" aria-labelledby="document-meta-heading">
      <h2 id="document-meta-heading" class="document-meta__heading">
        About this document
      </h2>
      <dl class="meta-list">
        <Row label="Record ID" items={[<span class="record-id">{d.id}</span>]} />
        <Row label="Title" items={[d.title]} />
        <Row label="Subtitle" items={d.subtitle ? [d.subtitle] : []} />
        <Row label="Date" items={d.date ? [<DocumentDate date={d.date} />] : ['Undated']} />
        <Row label="Place of origin" items={d.placeOfOrigin ? [d.placeOfOrigin] : []} />
        <Row
          label="Type of document"
          items={d.type ? [d.type.charAt(0).toUpperCase() + d.type.slice(1)] : []}
        />
        <Row
          label="Original archive"
          items={
            d.repository || d.archivalReference
              ? [
                  <>
                    {d.repository ? <AuthorityLink authority={d.repository} /> : null}
                    {d.archivalReference ? (
                      <span class="archival-reference">{d.archivalReference}</span>
                    ) : null}
                  </>,
                ]
              : []
          }
        />
        <Row label="Original classification" items={d.classifications} />
        <Row
          label={d.languages.length === 1 ? 'Language of the original' : 'Languages of the original'}
          items={d.languages.map((tag) => languageName(tag))}
        />
        <Row
          label="Translations"
          items={translations.map((v) => (
            <a href={paths.documentView(d.id, v.key)}>{languageName(v.asset.language!)}</a>
          ))}
        />
        <Row label="Rights" items={d.rights ? [d.rights] : []} />
        <Row label="Subjects" items={authorityItems(d.subjects, false)} />
        <Row label="Places" items={authorityItems(d.places)} />
        {agentsByRole.map(({ role, agents }) => (
          <Row
            label={agentRoleLabels[role][agents.length === 1 ? 0 : 1]}
            id={`meta-${role}`}
            items={authorityItems(agents)}
          />
        ))}
        <Row label="Collections" items={authorityItems(d.collections, false)} />
        <Row label="Program" items={d.program ? [d.program] : []} />
        {credits.map((c) => (
          <Row label={c.label} items={c.names} />
        ))}
        <Row label="Funders" items={authorityItems(d.funders, false)} />
        <Row label="Related documents" items={d.related.map((s) => <DocumentStubLink stub={s} />)} />
        <Row label="Attachments" items={d.attachments.map((s) => <DocumentStubLink stub={s} />)} />
        <Row label="Attached to" items={d.attachedTo.map((s) => <DocumentStubLink stub={s} />)} />
        <Row
          label="First published"
          items={
            d.publishedAt ? [<time datetime={d.publishedAt}>{formatTimestampDate(d.publishedAt)}</time>] : []
          }
        />
        <Row
          label="Last updated"
          items={[<time datetime={d.updatedAt}>{formatTimestampDate(d.updatedAt)}</time>]}
        />
      </dl>
    </aside>
  );
};
