import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { type AdminEnv, actionContext, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { AdminLayout, type AdminSite, renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { CsrfField, ErrorSummary } from '../admin/ui/forms.tsx';
import { createAuditLog } from '../audit/audit.usecases.ts';
import {
  createDocumentsRepository,
  type StoredAsset,
  type StoredDocument,
} from '../documents/documents.repository.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { assetsFromSnapshot, recordFromSnapshot, snapshotOf } from '../revisions/revisions.snapshot.ts';
import { type TextFormat, textFormatLabels, textFormats, textToHtml } from '../uploads/text-sources.ts';
import { editorStylesheet } from './editor.assets.ts';
import { assetKindLabels } from './editor.assets-section.tsx';
import { Select, TextArea } from './editor.fields.tsx';
import type { FieldError } from './editor.record.ts';
import { createEditorRepository } from './editor.repository.ts';
import { mayEdit } from './editor.workflow.ts';

type TextPageProps = {
  site: AdminSite;
  user: CurrentUser;
  csrfToken: string;
  document: StoredDocument;
  asset: StoredAsset;
  text: string;
  format: TextFormat;
  baseRevision: number;
  errors: FieldError[];
};

/** One transcript or translation on its own page: long texts would make the main form heavy. */
const TextPage: FC<TextPageProps> = ({
  site,
  user,
  csrfToken,
  document: d,
  asset,
  text,
  format,
  baseRevision,
  errors,
}) => {
  const title = `${assetKindLabels[asset.kind]}${asset.language ? ` (${asset.language})` : ''} of record ${d.id}`;
  return (
    <AdminLayout
      site={site}
      title={title}
      user={user}
      csrfToken={csrfToken}
      section="/admin/documents"
      stylesheets={[editorStylesheet]}
    >
      <p class="breadcrumb">
        <a href="/admin/documents">Documents</a> › <a href={`/admin/documents/${d.id}/edit`}>Record {d.id}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{d.title}</p>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={`/admin/documents/${d.id}/texts/${asset.id}`}
        class="editor-form editor-section"
      >
        <CsrfField token={csrfToken} />
        <input type="hidden" name="baseRevision" value={String(baseRevision)} />
        <Select
          name="format"
          label="Written as"
          value={format}
          errors={new Map()}
          options={textFormats.map((f) => ({ value: f, label: textFormatLabels[f] }))}
        />
        <TextArea
          name="text"
          label="Text"
          hint="The markup is cleaned when you save. A text over 2 MB is better uploaded as a file."
          value={text}
          errors={new Map(errors.map((e) => [e.field, e.message]))}
          rows={30}
          code={format === 'html'}
        />
        <button type="submit" class="button">
          Save the text
        </button>
      </form>
    </AdminLayout>
  );
};

/** /admin/documents/{id}/texts/{assetId}: edit one text of a document. */
export function editorTextPages(container: Pick<Container, 'config' | 'database' | 'storage'>) {
  const { config, database, storage } = container;
  const app = new Hono<AdminEnv>();

  async function load(idParam: string | undefined, assetParam: string | undefined) {
    const id = parseRecordId(idParam);
    const document =
      id === undefined ? undefined : await createDocumentsRepository({ db: database.db }).findById(id);
    const asset = document?.assets.find((a) => String(a.id) === assetParam && a.kind !== 'scan');
    if (!document || !asset) throw notFound('documents.text_not_found', 'This document has no such text.');
    return { document, asset };
  }

  app.get('/:id/texts/:assetId', requireRole('contributor'), async (c) => {
    const { document, asset } = await load(c.req.param('id'), c.req.param('assetId'));
    const baseRevision = await createEditorRepository({ db: database.db }).latestRevision(document.id);
    return c.html(
      renderAdminPage(
        <TextPage
          site={config}
          user={signedInUser(c)}
          csrfToken={c.get('csrfToken')}
          document={document}
          asset={asset}
          text={asset.html ?? ''}
          format="html"
          baseRevision={baseRevision}
          errors={[]}
        />,
      ),
    );
  });

  app.post('/:id/texts/:assetId', requireRole('contributor'), async (c) => {
    const { document, asset } = await load(c.req.param('id'), c.req.param('assetId'));
    const user = signedInUser(c);
    if (!mayEdit(user.role, document.status)) {
      throw new AppError(
        'auth.forbidden',
        403,
        'Only editors change a document that is scheduled, published or withdrawn.',
      );
    }
    const body = await c.req.parseBody();
    const text = typeof body.text === 'string' ? body.text : '';
    const format = textFormats.find((f) => f === body.format) ?? 'html';
    const latest = await createEditorRepository({ db: database.db }).latestRevision(document.id);
    const again = (errors: FieldError[], status: 409 | 422, base: number) =>
      c.html(
        renderAdminPage(
          <TextPage
            site={config}
            user={user}
            csrfToken={c.get('csrfToken')}
            document={document}
            asset={asset}
            text={text}
            format={format}
            baseRevision={base}
            errors={errors}
          />,
        ),
        status,
      );
    const base = Number(typeof body.baseRevision === 'string' ? body.baseRevision : 0);
    if (!(base >= latest)) {
      return again(
        [
          {
            field: 'text',
            message:
              'Someone else saved this document after you opened the text. Nothing was saved; save again to keep your version.',
          },
        ],
        409,
        latest,
      );
    }
    const html = textToHtml(text, format);
    if (html === '')
      return again(
        [{ field: 'text', message: 'The text is empty. To delete it, tick “Remove” in the editor.' }],
        422,
        base,
      );

    const snapshot = snapshotOf(document);
    const { assets } = await assetsFromSnapshot(storage, snapshot);
    const target = assets.find(
      (a) =>
        a.kind === asset.kind &&
        a.language === asset.language &&
        a.html === asset.html &&
        a.blobSha256 === asset.blobSha256,
    );
    if (!target) throw notFound('documents.text_not_found', 'This document has no such text.');
    target.html = html;
    await saveDocument({ db: database.db, dialect: database.dialect }, recordFromSnapshot(snapshot), assets, {
      missingLinks: 'defer',
      target: document.id,
      revision: {
        author: actionContext(c).actor,
        action: 'edited',
        note: `${assetKindLabels[asset.kind]} text`,
      },
      onSaved: async (trx) => {
        await createAuditLog({ db: trx }).record({
          ...actionContext(c),
          action: 'document.edited',
          target: { type: 'document', id: document.id, label: document.title },
          details: { fields: [`text:${asset.kind}${asset.language ? `:${asset.language}` : ''}`] },
        });
      },
    });
    return c.redirect(`/admin/documents/${document.id}/edit?done=saved`, 303);
  });

  return app;
}
