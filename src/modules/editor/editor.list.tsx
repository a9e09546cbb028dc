import type { FC } from 'hono/jsx';
import { type DocumentStatus, documentStatuses } from '../../database/tables.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { roleAtLeast } from '../accounts/roles.ts';
import { AdminLayout, type AdminSite } from '../admin/ui/admin-layout.tsx';
import { formatTimestamp } from '../admin/ui/format.ts';
import { CsrfField, Notice } from '../admin/ui/forms.tsx';
import { editorScript, editorStylesheet } from './editor.assets.ts';
import { type BulkAction, type BulkResult, bulkActions } from './editor.bulk.ts';
import type { DocumentListFilter, DocumentListItem } from './editor.repository.ts';
import { statusLabels } from './editor.workflow.ts';

type ListProps = {
  site: AdminSite;
  user: CurrentUser;
  csrfToken: string;
  filter: DocumentListFilter;
  total: number;
  items: DocumentListItem[];
  collections: { id: number; name: string }[];
  notice?: string | null | undefined;
};

const filterUrl = (filter: DocumentListFilter, page: number) => {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.query) params.set('q', filter.query);
  if (filter.collectionId !== undefined) params.set('collection', String(filter.collectionId));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/documents${query ? `?${query}` : ''}`;
};

/** Every document, drafts included, with filters and actions on several at once. */
export const DocumentListPage: FC<ListProps> = ({
  site,
  user,
  csrfToken,
  filter,
  total,
  items,
  collections,
  notice,
}) => {
  const pages = Math.max(1, Math.ceil(total / filter.perPage));
  const actions = (Object.keys(bulkActions) as BulkAction[]).filter(
    (a) => a !== 'publish' || roleAtLeast(user.role, 'editor'),
  );
  return (
    <AdminLayout
      site={site}
      title="Documents"
      user={user}
      csrfToken={csrfToken}
      section="/admin/documents"
      stylesheets={[editorStylesheet]}
      scripts={[editorScript]}
    >
      <h1>Documents</h1>
      <Notice message={notice} />
      <p>
        <a class="button" href="/admin/documents/new">
          New document
        </a>
      </p>
      <form method="get" action="/admin/documents" class="list-filters" aria-label="Filter documents">
        <div class="field">
          <label for="filter-q">Title, record ID or external ID</label>
          <input id="filter-q" name="q" type="search" value={filter.query ?? ''} />
        </div>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status">
            <option value="">Any</option>
            {documentStatuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-collection">Collection</label>
          <select id="filter-collection" name="collection">
            <option value="">Any</option>
            {collections.map((c) => (
              <option value={String(c.id)} selected={filter.collectionId === c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          Show
        </button>
      </form>
      <p aria-live="polite">
        {total === 0
          ? 'No documents match.'
          : `${total} document${total === 1 ? '' : 's'}, page ${filter.page} of ${pages}.`}
      </p>
      {items.length > 0 ? (
        <form method="post" action="/admin/documents/bulk" class="bulk-form">
          <CsrfField token={csrfToken} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Select</span>
                  </th>
                  <th scope="col">ID</th>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Date</th>
                  <th scope="col">Last changed</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        name="ids"
                        value={String(d.id)}
                        id={`select-${d.id}`}
                        aria-label={`Select record ${d.id}`}
                      />
                    </td>
                    <td>{d.id}</td>
                    <td>
                      <a href={`/admin/documents/${d.id}/edit`}>{d.title}</a>
                      {d.externalId ? <span class="muted"> {d.externalId}</span> : null}
                    </td>
                    <td>
                      <span class={`status status--${d.status}`}>{statusLabels[d.status]}</span>
                      {d.status === 'scheduled' && d.scheduledFor ? (
                        <span class="muted"> {formatTimestamp(d.scheduledFor)}</span>
                      ) : null}
                    </td>
                    <td>{d.dateStart ?? '—'}</td>
                    <td>{formatTimestamp(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset class="bulk-actions">
            <legend>With the selected documents</legend>
            <div class="field">
              <label for="bulk-action">Action</label>
              <select id="bulk-action" name="action">
                {actions.map((a) => (
                  <option value={a}>{bulkActions[a]}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="bulk-collection">Collection (for “Add to a collection”)</label>
              <select id="bulk-collection" name="collection">
                <option value="">—</option>
                {collections.map((c) => (
                  <option value={String(c.id)}>{c.name}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="button">
              Apply
            </button>
          </fieldset>
        </form>
      ) : null}
      {pages > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {filter.page > 1 ? <a href={filterUrl(filter, filter.page - 1)}>Previous page</a> : null}
          {filter.page < pages ? <a href={filterUrl(filter, filter.page + 1)}>Next page</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};

/** What a bulk action did to each document. */
export const BulkResultsPage: FC<{
  site: AdminSite;
  user: CurrentUser;
  csrfToken: string;
  action: BulkAction;
  results: BulkResult[];
}> = ({ site, user, csrfToken, action, results }) => {
  const done = results.filter((r) => r.ok).length;
  return (
    <AdminLayout
      site={site}
      title="Results"
      user={user}
      csrfToken={csrfToken}
      section="/admin/documents"
      stylesheets={[editorStylesheet]}
    >
      <h1>{bulkActions[action]}: results</h1>
      <p role="status">
        {done} of {results.length} done
        {done < results.length ? `; ${results.length - done} could not be` : ''}.
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Title</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr class={r.ok ? 'result result--ok' : 'result result--failed'}>
                <td>{r.id}</td>
                <td>{r.title ? <a href={`/admin/documents/${r.id}/edit`}>{r.title}</a> : '—'}</td>
                <td>
                  {r.ok ? 'Done: ' : 'Not done: '}
                  {r.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/admin/documents">Back to the documents</a>
      </p>
    </AdminLayout>
  );
};

export const isDocumentStatus = (value: string | undefined): value is DocumentStatus =>
  value !== undefined && (documentStatuses as readonly string[]).includes(value);
