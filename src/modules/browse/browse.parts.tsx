import type { FC } from 'hono/jsx';
import type { AuthorityKind } from '../../database/tables.ts';

/** The authority kinds browsed through an A–Z index, with their addresses and headings. */
export const azIndexes = [
  { kind: 'person', segment: 'people', heading: 'People', noun: 'person', nouns: 'people' },
  { kind: 'organization', segment: 'organizations', heading: 'Organizations', noun: 'organization' },
  { kind: 'subject', segment: 'subjects', heading: 'Subjects', noun: 'subject' },
  { kind: 'repository', segment: 'repositories', heading: 'Archives', noun: 'archive' },
  { kind: 'funder', segment: 'funders', heading: 'Funders', noun: 'funder' },
] as const satisfies readonly {
  kind: AuthorityKind;
  segment: string;
  heading: string;
  noun: string;
  nouns?: string;
}[];

export type AzIndex = (typeof azIndexes)[number];

export const nounsOf = (index: AzIndex): string => ('nouns' in index ? index.nouns : `${index.noun}s`);

/** "All dates › 1960s › 1962": where a browse page sits, its last step the page itself. */
export const BrowseTrail: FC<{ steps: { label: string; href?: string }[] }> = ({ steps }) => (
  <nav class="breadcrumbs" aria-label="Where this page sits in the browse pages">
    <ol>
      {steps.map((step) =>
        step.href ? (
          <li>
            <a href={step.href}>{step.label}</a>
          </li>
        ) : (
          <li aria-current="page">{step.label}</li>
        ),
      )}
    </ol>
  </nav>
);

/** A requested page number kept within the pages there are. */
export const clampPage = (page: number, total: number, perPage: number) =>
  Math.min(page, Math.max(1, Math.ceil(total / perPage)));
