import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { type AdminEnv, actionContext, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { AdminLayout, type AdminSite, renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { CsrfField, ErrorSummary, type FormError } from '../admin/ui/forms.tsx';
import { createAuditLog } from '../audit/audit.usecases.ts';
import {
  createDocumentsRepository,
  type StoredAsset,
  type StoredDocument,
} from '../documents/documents.repository.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { countParagraphs } from '../documents/page/paragraph-anchors.ts';
import { editorStylesheet } from '../editor/editor.assets.ts';
import { TextInput } from '../editor/editor.fields.tsx';
import { createEditorRepository } from '../editor/editor.repository.ts';
import { mayEdit } from '../editor/editor.workflow.ts';
import { assetsFromSnapshot, recordFromSnapshot, snapshotOf } from '../revisions/revisions.snapshot.ts';
import { htmlToText } from '../shared/sanitize-html.ts';
import {
  type AlignedPair,
  alignmentProblems,
  alignmentRows,
  formatParagraphRun,
  parseParagraphRun,
} from './alignment.model.ts';
import { createAlignmentRepository } from './alignment.repository.ts';
import { maxAlignedPairs } from './alignment.schemas.ts';

/** Empty rows offered under the pairs, for adding some without JavaScript. */
const blankRows = 3;

/** A form row as typed: both sides as text, so a mistake is shown back as it was written. */
type PairRow = { original: string; translation: string };

/** The text of each numbered paragraph, for showing what a pair joins. */
const paragraphTexts = (html: string): string[] =>
  [...html.matchAll(/<p(?=[\s>])[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => htmlToText(m[1]!).replace(/\s+/g, ' '));

const excerpt = (texts: string[], run: number[]) => {
  const text = run.map((n) => texts[n - 1] ?? '').join(' ');
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
};

type AlignmentPageProps = {
  site: AdminSite;
  user: CurrentUser;
  csrfToken: string;
  document: StoredDocument;
  original: StoredAsset;
  translation: StoredAsset;
  rows: PairRow[];
  /** Whether the pairs shown are stored (else they are paragraph order). */
  stored: boolean;
  baseRevision: number;
  errors: FormError[];
};

const describe = (asset: StoredAsset) =>
  `${asset.kind === 'translation' ? 'Translation' : 'Original'}${asset.language ? ` (${asset.language})` : ''}`;

const AlignmentPage: FC<AlignmentPageProps> = (props) => {
  const { document: d, original, translation, rows, errors } = props;
  const originalTexts = paragraphTexts(original.html ?? '');
  const translationTexts = paragraphTexts(translation.html ?? '');
  const fieldErrors = new Map(errors.filter((e) => e.field).map((e) => [e.field!, e.message]));
  const title = `Paragraph alignment of the ${describe(translation).toLowerCase()}, record ${d.id}`;
  return (
    <AdminLayout
      site={props.site}
      title={title}
      user={props.user}
      csrfToken={props.csrfToken}
      section="/admin/documents"
      stylesheets={[editorStylesheet]}
    >
      <p class="breadcrumb">
        <a href="/admin/documents">Documents</a> › <a href={`/admin/documents/${d.id}/edit`}>Record {d.id}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{d.title}</p>
      <ErrorSummary errors={errors} />
      <p>
        Each row pairs paragraphs of the original ({originalTexts.length}) with paragraphs of the translation
        ({translationTexts.length}) for the side-by-side reader. Write a paragraph number (<code>3</code>), a
        span (<code>3-4</code>), or leave a side empty for a paragraph with no counterpart. Rows follow the
        text; paragraphs no row names are paired in order.{' '}
        {props.stored
          ? 'Pairs are stored; rows no stored pair names show the order they are read in.'
          : 'Nothing is stored yet: the rows show paragraph order.'}
      </p>
      <form method="post" action={`/admin/documents/${d.id}/alignment/${translation.id}`} class="editor-form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="baseRevision" value={String(props.baseRevision)} />
        <table class="alignment-table">
          <caption class="visually-hidden">Aligned pairs</caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">Original paragraphs</th>
              <th scope="col">Translation paragraphs</th>
              <th scope="col">Reads</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const originalRun = parseParagraphRun(row.original) ?? [];
              const translationRun = parseParagraphRun(row.translation) ?? [];
              return (
                <tr>
                  <th scope="row">{i + 1}</th>
                  <td>
                    <TextInput
                      name={`pairs.${i}.original`}
                      label={`Original paragraphs of pair ${i + 1}`}
                      hideLabel
                      value={row.original}
                      errors={fieldErrors}
                      size={8}
                      maxlength={40}
                    />
                  </td>
                  <td>
                    <TextInput
                      name={`pairs.${i}.translation`}
                      label={`Translation paragraphs of pair ${i + 1}`}
                      hideLabel
                      value={row.translation}
                      errors={fieldErrors}
                      size={8}
                      maxlength={40}
                    />
                  </td>
                  <td>
                    <span lang={original.language ?? undefined}>{excerpt(originalTexts, originalRun)}</span>
                    {originalRun.length > 0 && translationRun.length > 0 ? ' · ' : null}
                    <span lang={translation.language ?? undefined}>
                      {excerpt(translationTexts, translationRun)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <button type="submit" class="button" name="action" value="save">
            Save the pairs
          </button>{' '}
          <button type="submit" class="button button--secondary" name="action" value="reset">
            Forget the pairs (pair in order)
          </button>
        </p>
      </form>
    </AdminLayout>
  );
};

/** The rows a form shows for stored (or default) pairs, plus blank ones to add more. */
const rowsOf = (pairs: AlignedPair[]): PairRow[] => [
  ...pairs.map((p) => ({
    original: formatParagraphRun(p.original),
    translation: formatParagraphRun(p.translation),
  })),
  ...Array.from({ length: blankRows }, () => ({ original: '', translation: '' })),
];

/** Reads the rows of a submitted form, in order, up to the most a translation may carry. */
function submittedRows(body: Record<string, unknown>): PairRow[] {
  const rows: PairRow[] = [];
  for (let i = 0; i < maxAlignedPairs + blankRows; i++) {
    const original = body[`pairs.${i}.original`];
    const translation = body[`pairs.${i}.translation`];
    if (original === undefined && translation === undefined) break;
    rows.push({
      original: typeof original === 'string' ? original : '',
      translation: typeof translation === 'string' ? translation : '',
    });
  }
  return rows;
}

/** Pairs from the rows typed, or the problems, each tied to its field. Blank rows are dropped. */
function readRows(
  rows: PairRow[],
  counts: { original: number; translation: number },
): { pairs: AlignedPair[]; errors: FormError[] } {
  const errors: FormError[] = [];
  const pairs: AlignedPair[] = [];
  const fieldOf: string[] = [];
  rows.forEach((row, i) => {
    if (row.original.trim() === '' && row.translation.trim() === '') return;
    const original = parseParagraphRun(row.original);
    const translation = parseParagraphRun(row.translation);
    for (const [side, run, text] of [
      ['original', original, row.original],
      ['translation', translation, row.translation],
    ] as const) {
      if (run === undefined) {
        errors.push({
          field: `pairs-${i}-${side}`,
          message: `Pair ${i + 1}: “${text.trim().slice(0, 40)}” is not a paragraph number or span (write 3, or 3-4).`,
        });
      }
    }
    if (original && translation) {
      pairs.push({ original, translation });
      fieldOf.push(`pairs-${i}-${original.length > 0 ? 'original' : 'translation'}`);
    }
  });
  if (errors.length > 0) return { pairs, errors };
  if (pairs.length > maxAlignedPairs) {
    return { pairs, errors: [{ message: `A translation can have at most ${maxAlignedPairs} pairs.` }] };
  }
  for (const problem of alignmentProblems(pairs, counts)) {
    const rowNumber = Number(fieldOf[problem.index]!.split('-')[1]) + 1;
    errors.push({ field: fieldOf[problem.index], message: `Pair ${rowNumber}: ${problem.message}.` });
  }
  return { pairs, errors };
}

/** /admin/documents/{id}/alignment/{translationAssetId}: which paragraphs of a translation face which. */
export function alignmentEditorPages(container: Pick<Container, 'config' | 'database' | 'storage'>) {
  const { config, database, storage } = container;
  const app = new Hono<AdminEnv>();

  async function load(idParam: string | undefined, assetParam: string | undefined) {
    const id = parseRecordId(idParam);
    const document =
      id === undefined ? undefined : await createDocumentsRepository({ db: database.db }).findById(id);
    const translation = document?.assets.find(
      (a) => String(a.id) === assetParam && a.kind === 'translation' && a.html,
    );
    const original = document?.assets.find((a) => a.kind === 'transcript' && a.html);
    if (!document || !translation) {
      throw notFound('alignment.not_found', 'This document has no such translation.');
    }
    if (!original) {
      throw new AppError(
        'alignment.no_original',
        409,
        'This document has no original-language transcript to align the translation with.',
      );
    }
    const stored = (await createAlignmentRepository({ db: database.db }).forDocument(document.id)).get(
      translation.id,
    );
    const pairs = stored?.originalAssetId === original.id ? stored.pairs : undefined;
    return { document, original, translation, pairs };
  }

  app.get('/:id/alignment/:assetId', requireRole('contributor'), async (c) => {
    const loaded = await load(c.req.param('id'), c.req.param('assetId'));
    const counts = {
      original: countParagraphs(loaded.original.html ?? ''),
      translation: countParagraphs(loaded.translation.html ?? ''),
    };
    return c.html(
      renderAdminPage(
        <AlignmentPage
          site={config}
          user={signedInUser(c)}
          csrfToken={c.get('csrfToken')}
          {...loaded}
          rows={rowsOf(alignmentRows(loaded.pairs, counts))}
          stored={Boolean(loaded.pairs?.length)}
          baseRevision={await createEditorRepository({ db: database.db }).latestRevision(loaded.document.id)}
          errors={[]}
        />,
      ),
    );
  });

  app.post('/:id/alignment/:assetId', requireRole('contributor'), async (c) => {
    const loaded = await load(c.req.param('id'), c.req.param('assetId'));
    const { document, translation } = loaded;
    const user = signedInUser(c);
    if (!mayEdit(user.role, document.status)) {
      throw new AppError(
        'auth.forbidden',
        403,
        'Only editors change a document that is scheduled, published or withdrawn.',
      );
    }
    const body = await c.req.parseBody();
    const reset = body.action === 'reset';
    const rows = submittedRows(body);
    const latest = await createEditorRepository({ db: database.db }).latestRevision(document.id);
    const base = Number(typeof body.baseRevision === 'string' ? body.baseRevision : 0);
    const again = (errors: FormError[], status: 409 | 422, baseRevision: number) =>
      c.html(
        renderAdminPage(
          <AlignmentPage
            site={config}
            user={user}
            csrfToken={c.get('csrfToken')}
            {...loaded}
            rows={rows}
            stored={Boolean(loaded.pairs?.length)}
            baseRevision={baseRevision}
            errors={errors}
          />,
        ),
        status,
      );
    if (!(base >= latest)) {
      return again(
        [
          {
            message:
              'Someone else saved this document after you opened the pairs. Nothing was saved; save again to keep your pairs.',
          },
        ],
        409,
        latest,
      );
    }
    const counts = {
      original: countParagraphs(loaded.original.html ?? ''),
      translation: countParagraphs(translation.html ?? ''),
    };
    const read = reset ? { pairs: [], errors: [] } : readRows(rows, counts);
    if (read.errors.length > 0) return again(read.errors, 422, base);

    const snapshot = snapshotOf(document);
    const { assets } = await assetsFromSnapshot(storage, snapshot);
    const target = assets.find(
      (a) =>
        a.kind === 'translation' &&
        a.language === translation.language &&
        a.html === translation.html &&
        a.blobSha256 === translation.blobSha256,
    );
    if (!target) throw notFound('alignment.not_found', 'This document has no such translation.');
    target.alignment = { pairs: read.pairs };
    const field = `alignment${translation.language ? `:${translation.language}` : ''}`;
    await saveDocument({ db: database.db, dialect: database.dialect }, recordFromSnapshot(snapshot), assets, {
      missingLinks: 'defer',
      target: document.id,
      revision: { author: actionContext(c).actor, action: 'edited', note: 'Paragraph alignment' },
      onSaved: async (trx) => {
        await createAuditLog({ db: trx }).record({
          ...actionContext(c),
          action: 'document.edited',
          target: { type: 'document', id: document.id, label: document.title },
          details: { fields: [field] },
        });
      },
    });
    return c.redirect(`/admin/documents/${document.id}/edit?done=saved`, 303);
  });

  return app;
}
