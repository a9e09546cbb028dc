import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { CsrfField } from '../admin/ui/forms.tsx';
import { TextArea, TextInput } from '../editor/editor.fields.tsx';
import type { FieldError } from '../editor/editor.record.ts';
import { curatedAdminRoutes } from '../themes/curated.admin-routes.tsx';
import {
  CommonFields,
  type CuratedFrame,
  CuratedListPage,
  CuratedPage,
  DeleteForm,
  formText,
} from '../themes/curated.forms.tsx';
import { createReadersRepository, type Reader } from './readers.repository.ts';
import { readerRecordSchema } from './readers.schemas.ts';
import { deleteReader, saveReader } from './readers.usecases.ts';

type ReaderForm = {
  title: string;
  slug: string;
  status: string;
  compiler: string;
  introduction: string;
  items: string;
};

const labels: Record<string, string> = {
  title: 'Title',
  slug: 'Address',
  status: 'Status',
  compiler: 'Compiled by',
  introduction: 'Introduction',
  items: 'Documents',
};

const emptyForm: ReaderForm = {
  title: '',
  slug: '',
  status: 'draft',
  compiler: '',
  introduction: '',
  items: '',
};

/** Documents are written as blocks: the record ID (or external ID) on the first line, the note below. */
const separator = '---';

function formOf(reader: Reader): ReaderForm {
  return {
    title: reader.title,
    slug: reader.slug,
    status: reader.status,
    compiler: reader.compiler ?? '',
    introduction: reader.introductionHtml ?? '',
    items: reader.items
      .map((item) => (item.note ? `${item.documentId}\n${item.note}` : String(item.documentId)))
      .join(`\n${separator}\n`),
  };
}

/** The blocks of the documents field, each with the line its document reference is on. */
function itemBlocks(text: string): { line: number; ref: string; note: string }[] {
  const blocks: { line: number; ref: string; note: string }[] = [];
  let current: { line: number; ref: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) blocks.push({ line: current.line, ref: current.ref, note: current.lines.join('\n').trim() });
    current = null;
  };
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trimEnd();
    if (line.trim() === separator) {
      flush();
      continue;
    }
    if (!current) {
      if (line.trim() === '') continue;
      current = { line: index + 1, ref: line.trim(), lines: [] };
    } else current.lines.push(line);
  }
  flush();
  return blocks;
}

function recordOf(form: ReaderForm) {
  const blocks = itemBlocks(form.items);
  const linesOf = { items: blocks.map((b) => b.line) };
  const parsed = readerRecordSchema.safeParse({
    type: 'reader',
    title: form.title,
    slug: form.slug.trim() || undefined,
    status: form.status,
    compiler: form.compiler,
    introduction: form.introduction,
    items: blocks.map((b) => ({
      document: /^\d{1,12}$/.test(b.ref) ? { id: Number(b.ref) } : { externalId: b.ref },
      note: b.note,
    })),
  });
  return { parsed, linesOf };
}

const ReaderFormPage: FC<{
  frame: CuratedFrame;
  item?: Reader | undefined;
  form: ReaderForm;
  errors: FieldError[];
  notice?: string | undefined;
}> = ({ frame, item: reader, form, errors, notice }) => {
  const csrfToken = frame.c.get('csrfToken');
  const fieldErrors = new Map(errors.map((e) => [e.field, e.message]));
  return (
    <CuratedPage
      frame={frame}
      title={reader ? `Reader: ${reader.title}` : 'New reader'}
      section="/admin/readers"
      crumb={{ href: '/admin/readers', label: 'Readers' }}
      errors={errors}
      notice={notice}
    >
      <form
        method="post"
        action={reader ? `/admin/readers/${reader.id}` : '/admin/readers'}
        class="editor-form editor-section"
      >
        <CsrfField token={csrfToken} />
        <CommonFields values={form} errors={fieldErrors} base="/readers" />
        <TextInput
          name="compiler"
          label="Compiled by"
          hint="As the reader should be cited: Vera Lindqvist, or Vera Lindqvist and Tomás Ferreira."
          value={form.compiler}
          errors={fieldErrors}
          maxlength={300}
        />
        <TextArea
          name="introduction"
          label="Introduction"
          hint="HTML: paragraphs, emphasis, lists and links. Anything else is removed."
          value={form.introduction}
          errors={fieldErrors}
          rows={8}
          code
        />
        <TextArea
          name="items"
          label="Documents, in reading order"
          hint={`For each document: its record ID (or external ID) on one line, your note for students on the lines below it (blank lines make paragraphs). Separate documents with a line of three hyphens (${separator}). Only published documents appear on the public page.`}
          value={form.items}
          errors={fieldErrors}
          rows={14}
        />
        <button type="submit" class="button">
          {reader ? 'Save' : 'Create'}
        </button>
      </form>
      {reader ? (
        <>
          {reader.status === 'published' ? (
            <p>
              <a href={`/readers/${reader.slug}`}>Public page</a>
            </p>
          ) : null}
          <DeleteForm action={`/admin/readers/${reader.id}/delete`} csrfToken={csrfToken} what="reader" />
        </>
      ) : null}
    </CuratedPage>
  );
};

const ReaderListPage: FC<{ frame: CuratedFrame; items: Reader[]; notice?: string | undefined }> = (props) => (
  <CuratedListPage
    {...props}
    title="Readers"
    base="/admin/readers"
    intro="Readers are documents put in order for teaching, with an introduction and notes."
    newLabel="New reader"
    empty="No reader yet."
    counts={[{ heading: 'Documents', of: (reader) => reader.items.length }]}
  />
);

/** Readers in the workspace (editors): /admin/readers, /new, /{id}, /{id}/delete. */
export const readersAdminPages = (container: Pick<Container, 'config' | 'database'>) =>
  curatedAdminRoutes(container, {
    noun: 'reader',
    base: '/admin/readers',
    find: (db, id) => createReadersRepository({ db }).findById(id),
    list: (db) => createReadersRepository({ db }).list({ publishedOnly: false }),
    emptyForm,
    formOf,
    readForm: (body) => ({
      title: formText(body.title),
      slug: formText(body.slug),
      status: formText(body.status),
      compiler: formText(body.compiler),
      introduction: formText(body.introduction),
      items: formText(body.items),
    }),
    recordOf,
    labels,
    save: saveReader,
    remove: deleteReader,
    FormPage: ReaderFormPage,
    ListPage: ReaderListPage,
  });
