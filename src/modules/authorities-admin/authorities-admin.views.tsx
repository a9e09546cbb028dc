import type { FC } from 'hono/jsx';
import { type AuthorityKind, authorityKinds } from '../../database/tables.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { AdminLayout, type AdminSite } from '../admin/ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, Notice } from '../admin/ui/forms.tsx';
import type { Authority } from '../authorities/authorities.repository.ts';
import { paths } from '../documents/documents.presenters.ts';
import { editorScript, editorStylesheet } from '../editor/editor.assets.ts';
import { NameList, TextArea, TextInput } from '../editor/editor.fields.tsx';
import type { FieldError } from '../editor/editor.record.ts';
import { statusLabels } from '../editor/editor.workflow.ts';
import type { AuthorityListItem } from './authorities-admin.repository.ts';

export const kindLabels: Record<AuthorityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  subject: 'Subject',
  repository: 'Archive',
  funder: 'Funder',
  collection: 'Collection',
};

type Frame = { site: AdminSite; user: CurrentUser; csrfToken: string };

/** The form as typed, for a page that comes back with errors. */
export type AuthorityForm = {
  name: string;
  variants: string;
  note: string;
  dates: string;
  parent: string;
  /** Places only: decimal degrees, for theme maps. */
  latitude: string;
  longitude: string;
};

export const AuthorityListPage: FC<
  Frame & {
    kind: AuthorityKind | undefined;
    query: string;
    page: number;
    pages: number;
    total: number;
    items: AuthorityListItem[];
    notice?: string | undefined;
  }
> = ({ site, user, csrfToken, kind, query, page, pages, total, items, notice }) => {
  const pageUrl = (n: number) =>
    `/admin/authorities?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <AdminLayout
      site={site}
      title="Authorities"
      user={user}
      csrfToken={csrfToken}
      section="/admin/authorities"
      stylesheets={[editorStylesheet]}
    >
      <h1>Authorities</h1>
      <Notice message={notice} />
      <p>
        People, organizations, places, subjects, archives, funders and collections, with every name they go
        by.
      </p>
      <form method="get" action="/admin/authorities" class="list-filters" aria-label="Filter authorities">
        <div class="field">
          <label for="filter-q">Name (any form)</label>
          <input id="filter-q" name="q" type="search" value={query} />
        </div>
        <div class="field">
          <label for="filter-kind">Kind</label>
          <select id="filter-kind" name="kind">
            <option value="">Any</option>
            {authorityKinds.map((k) => (
              <option value={k} selected={k === kind}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          Show
        </button>
      </form>
      <p>
        New:{' '}
        {authorityKinds.map((k, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={`/admin/authorities/new?kind=${k}`}>{kindLabels[k].toLowerCase()}</a>
          </>
        ))}
      </p>
      <p aria-live="polite">
        {total === 0 ? 'Nothing matches.' : `${total} records, page ${page} of ${pages}.`}
      </p>
      {items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <td>{a.id}</td>
                  <td>
                    <a href={`/admin/authorities/${a.id}`}>{a.name}</a>
                    {a.dates ? <span class="muted"> {a.dates}</span> : null}
                  </td>
                  <td>{kindLabels[a.kind]}</td>
                  <td>{a.documents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {page > 1 ? <a href={pageUrl(page - 1)}>Previous page</a> : null}
          {page < pages ? <a href={pageUrl(page + 1)}>Next page</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};

const hasParent = (kind: AuthorityKind) => kind === 'place' || kind === 'collection';

const AuthorityFields: FC<{ kind: AuthorityKind; form: AuthorityForm; errors: Map<string, string> }> = ({
  kind,
  form,
  errors,
}) => (
  <>
    <TextInput
      name="name"
      label="Preferred name"
      value={form.name}
      errors={errors}
      maxlength={500}
      required
    />
    <TextArea
      name="variants"
      label="Other names"
      hint="One per line; add the language after a bar: Месяцев | ru, 梅夏采夫 | zh. Names in other forms let imports and searches find this record."
      value={form.variants}
      errors={errors}
      rows={5}
    />
    <TextInput
      name="dates"
      label={kind === 'person' ? 'Life dates' : 'Dates'}
      hint="As written: 1909–1989."
      value={form.dates}
      errors={errors}
      maxlength={200}
    />
    {hasParent(kind) ? (
      <TextInput
        name="parent"
        label={kind === 'place' ? 'Within (a larger place)' : 'Part of (a larger collection)'}
        hint="Its name or record ID; leave empty for none."
        value={form.parent}
        errors={errors}
        list={`names-${kind}`}
        maxlength={500}
      />
    ) : null}
    {kind === 'place' ? (
      <fieldset>
        <legend>Position on theme maps</legend>
        <TextInput
          name="latitude"
          label="Latitude"
          hint="Decimal degrees, north positive: 39.9042. Leave both empty to use the place it lies within."
          value={form.latitude}
          errors={errors}
          maxlength={20}
        />
        <TextInput
          name="longitude"
          label="Longitude"
          hint="Decimal degrees, east positive: 116.4074."
          value={form.longitude}
          errors={errors}
          maxlength={20}
        />
      </fieldset>
    ) : null}
    <TextArea
      name="note"
      label={kind === 'collection' ? 'Description' : 'Note for readers'}
      hint={
        kind === 'collection' ? 'Shown on the collection page; blank lines separate paragraphs.' : undefined
      }
      value={form.note}
      errors={errors}
      rows={4}
    />
  </>
);

export const NewAuthorityPage: FC<
  Frame & { kind: AuthorityKind; form: AuthorityForm; errors: FieldError[]; names: string[] }
> = ({ site, user, csrfToken, kind, form, errors, names }) => (
  <AdminLayout
    site={site}
    title={`New ${kindLabels[kind].toLowerCase()}`}
    user={user}
    csrfToken={csrfToken}
    section="/admin/authorities"
    stylesheets={[editorStylesheet]}
  >
    <p class="breadcrumb">
      <a href="/admin/authorities">Authorities</a>
    </p>
    <h1>New {kindLabels[kind].toLowerCase()}</h1>
    <ErrorSummary errors={errors} />
    <NameList kind={kind} names={names} />
    <form method="post" action="/admin/authorities" class="editor-form editor-section">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="kind" value={kind} />
      <AuthorityFields kind={kind} form={form} errors={new Map(errors.map((e) => [e.field, e.message]))} />
      <button type="submit" class="button">
        Create
      </button>
    </form>
  </AdminLayout>
);

export const AuthorityPage: FC<
  Frame & {
    authority: Authority;
    form: AuthorityForm;
    errors: FieldError[];
    mergeErrors: FieldError[];
    notice?: string | undefined;
    documents: { id: number; title: string; status: keyof typeof statusLabels; roles: string[] }[];
    names: string[];
    isPublic: boolean;
    /** More panels for the side column (a collection's picture). */
    side?: unknown;
  }
> = ({
  site,
  user,
  csrfToken,
  authority: a,
  form,
  errors,
  mergeErrors,
  notice,
  documents,
  names,
  isPublic,
  side,
}) => {
  const fieldErrors = new Map(errors.map((e) => [e.field, e.message]));
  const mergeFieldErrors = new Map(mergeErrors.map((e) => [e.field, e.message]));
  return (
    <AdminLayout
      site={site}
      title={`${kindLabels[a.kind]}: ${a.name}`}
      user={user}
      csrfToken={csrfToken}
      section="/admin/authorities"
      stylesheets={[editorStylesheet]}
      scripts={[editorScript]}
    >
      <p class="breadcrumb">
        <a href="/admin/authorities">Authorities</a>
      </p>
      <h1>
        {kindLabels[a.kind]}: {a.name} <span class="muted">record {a.id}</span>
      </h1>
      <ErrorSummary errors={[...errors, ...mergeErrors]} />
      <Notice message={notice} />
      <NameList kind={a.kind} names={names} />
      <div class="editor-layout">
        <div class="editor-main">
          <form method="post" action={`/admin/authorities/${a.id}`} class="editor-form editor-section">
            <CsrfField token={csrfToken} />
            <AuthorityFields kind={a.kind} form={form} errors={fieldErrors} />
            <button type="submit" class="button">
              Save
            </button>
          </form>
          <section class="editor-section" aria-labelledby="documents-title">
            <h2 id="documents-title">Documents ({documents.length})</h2>
            {documents.length === 0 ? (
              <p>No document uses this record.</p>
            ) : (
              <ul>
                {documents.map((d) => (
                  <li>
                    <a href={`/admin/documents/${d.id}/edit`}>{d.title}</a>{' '}
                    <span class="muted">
                      ({statusLabels[d.status]}; {d.roles.join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside class="editor-side">
          <section class="editor-panel" aria-labelledby="merge-title">
            <h2 id="merge-title">Merge a duplicate</h2>
            <p class="field__hint">
              If this record is a duplicate, merge it into the right one: its documents, names and address
              move there, and its page redirects to the other. This cannot be undone by a button.
            </p>
            <form method="post" action={`/admin/authorities/${a.id}/merge`}>
              <CsrfField token={csrfToken} />
              <TextInput
                name="into"
                label={`Merge “${a.name}” into`}
                hint={`The name or record ID of the ${kindLabels[a.kind].toLowerCase()} that stays.`}
                value=""
                errors={mergeFieldErrors}
                list={`names-${a.kind}`}
                maxlength={500}
              />
              <button type="submit" class="button button--danger">
                Merge into that record
              </button>
            </form>
          </section>
          {side}
          {isPublic ? (
            <p>
              <a href={paths.authority(a)}>Public page</a>
            </p>
          ) : null}
        </aside>
      </div>
    </AdminLayout>
  );
};
