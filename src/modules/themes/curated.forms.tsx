import type { Context } from 'hono';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { z } from 'zod';
import type { Container } from '../../app/container.ts';
import { type AdminEnv, signedInUser } from '../accounts/accounts.middleware.ts';
import { AdminLayout } from '../admin/ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, Notice } from '../admin/ui/forms.tsx';
import { editorStylesheet } from '../editor/editor.assets.ts';
import { Select, TextInput } from '../editor/editor.fields.tsx';
import type { FieldError } from '../editor/editor.record.ts';

/**
 * What the theme and reader forms of the workspace share: lists typed one entry per line (or per
 * block), problems reported against the field and the line they are on, and the page frame.
 */

export const formText = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '');

/** Non-empty lines with their line numbers (1-based), as typed. */
export function numberedLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
}

/**
 * Turns zod issues into form errors: `events.2.date` becomes the `events` field, "line 5: date: ...",
 * using the line each list entry came from.
 */
export function issuesToErrors(
  issues: z.core.$ZodIssue[],
  labels: Record<string, string>,
  linesOf: Record<string, number[]> = {},
): FieldError[] {
  return issues.map((issue) => {
    const [field = '', index, ...rest] = issue.path.map(String);
    const line = index !== undefined ? linesOf[field]?.[Number(index)] : undefined;
    const where = line !== undefined ? `line ${line}${rest.length > 0 ? ` (${rest.join('.')})` : ''}: ` : '';
    return { field, message: `${labels[field] ?? field}: ${where}${issue.message}` };
  });
}

/** Errors reported by a usecase as `collections[3]` or `items[2].document`, moved onto their line. */
export function usecaseError(field: string, message: string, linesOf: Record<string, number[]>): FieldError {
  const match = /^(\w+)\[(\d+)\]/.exec(field);
  if (!match) return { field, message };
  const line = linesOf[match[1]!]?.[Number(match[2])];
  return { field: match[1]!, message: line !== undefined ? `Line ${line}: ${message}` : message };
}

export const statusOptions = [
  { value: 'draft', label: 'Draft (not public)' },
  { value: 'published', label: 'Published' },
];

export type CuratedFrame = { c: Context<AdminEnv>; container: Pick<Container, 'config'> };

/** The workspace page around a theme or reader form, with the errors summary and the notice. */
export const CuratedPage: FC<
  PropsWithChildren<{
    frame: CuratedFrame;
    title: string;
    section: string;
    crumb: { href: string; label: string };
    errors: FieldError[];
    notice?: string | undefined;
  }>
> = ({ frame, title, section, crumb, errors, notice, children }) => (
  <AdminLayout
    site={frame.container.config}
    title={title}
    user={signedInUser(frame.c)}
    csrfToken={frame.c.get('csrfToken')}
    section={section}
    stylesheets={[editorStylesheet]}
  >
    <p class="breadcrumb">
      <a href={crumb.href}>{crumb.label}</a>
    </p>
    <h1>{title}</h1>
    <ErrorSummary errors={errors} />
    <Notice message={notice} />
    {children}
  </AdminLayout>
);

/** The fields every curated record has: title, address, status. */
export const CommonFields: FC<{
  values: { title: string; slug: string; status: string };
  errors: Map<string, string>;
  base: string;
}> = ({ values, errors, base }) => (
  <>
    <TextInput name="title" label="Title" value={values.title} errors={errors} maxlength={300} required />
    <TextInput
      name="slug"
      label="Address"
      hint={`The last part of ${base}/…: letters, digits and hyphens. Made from the title when left empty.`}
      value={values.slug}
      errors={errors}
      maxlength={100}
    />
    <Select name="status" label="Status" value={values.status} errors={errors} options={statusOptions} />
  </>
);

export const DeleteForm: FC<{ action: string; csrfToken: string; what: string }> = ({
  action,
  csrfToken,
  what,
}) => (
  <form method="post" action={action} class="editor-section">
    <CsrfField token={csrfToken} />
    <p class="field__hint">Deleting removes the {what} from the public site at once; its documents stay.</p>
    <button type="submit" class="button button--danger">
      Delete this {what}
    </button>
  </form>
);

/**
 * The workspace list of themes or readers: an introduction with the link to make a new one, then a
 * table of title, status and the counts each kind has.
 */
export function CuratedListPage<Item extends { id: number; title: string; status: string }>(props: {
  frame: CuratedFrame;
  items: Item[];
  notice?: string | undefined;
  title: string;
  /** Where the list lives: /admin/themes; items are at {base}/{id}, the new form at {base}/new. */
  base: string;
  intro: string;
  newLabel: string;
  empty: string;
  counts: { heading: string; of: (item: Item) => number }[];
}) {
  const { frame, items, notice, title, base, intro, newLabel, empty, counts } = props;
  return (
    <CuratedPage
      frame={frame}
      title={title}
      section={base}
      crumb={{ href: '/admin', label: 'Dashboard' }}
      errors={[]}
      notice={notice}
    >
      <p>
        {intro} <a href={`${base}/new`}>{newLabel}</a>
      </p>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                {counts.map((count) => (
                  <th scope="col">{count.heading}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr>
                  <td>
                    <a href={`${base}/${item.id}`}>{item.title}</a>
                  </td>
                  <td>{item.status === 'published' ? 'Published' : 'Draft'}</td>
                  {counts.map((count) => (
                    <td>{count.of(item)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CuratedPage>
  );
}
