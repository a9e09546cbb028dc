import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Container } from '../../app/container.ts';
import type { Database } from '../../database/tables.ts';
import { CsrfField } from '../admin/ui/forms.tsx';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { isoHistoricalDate } from '../documents/historical-date.ts';
import { TextArea, TextInput } from '../editor/editor.fields.tsx';
import type { FieldError } from '../editor/editor.record.ts';
import { curatedAdminRoutes } from './curated.admin-routes.tsx';
import {
  CommonFields,
  type CuratedFrame,
  CuratedListPage,
  CuratedPage,
  DeleteForm,
  formText,
  numberedLines,
} from './curated.forms.tsx';
import { createThemesRepository, type Theme } from './themes.repository.ts';
import { themeRecordSchema } from './themes.schemas.ts';
import { deleteTheme, saveTheme } from './themes.usecases.ts';

/** The theme form as typed. */
type ThemeForm = {
  title: string;
  slug: string;
  status: string;
  summary: string;
  overview: string;
  collections: string;
  events: string;
};

const labels: Record<string, string> = {
  title: 'Title',
  slug: 'Address',
  status: 'Status',
  summary: 'Summary',
  overview: 'Overview',
  collections: 'Collections',
  events: 'Events',
};

const emptyForm: ThemeForm = {
  title: '',
  slug: '',
  status: 'draft',
  summary: '',
  overview: '',
  collections: '',
  events: '',
};

async function formOf(theme: Theme, db: Kysely<Database>): Promise<ThemeForm> {
  const collections = await createAuthoritiesRepository({ db }).findManyByIds(theme.collectionIds);
  const nameOf = new Map(collections.map((c) => [c.id, c.name]));
  return {
    title: theme.title,
    slug: theme.slug,
    status: theme.status,
    summary: theme.summary ?? '',
    overview: theme.overviewHtml ?? '',
    collections: theme.collectionIds.map((id) => nameOf.get(id) ?? String(id)).join('\n'),
    events: theme.events
      .map((e) =>
        [isoHistoricalDate(e.date), e.title, e.description ?? '', e.link ?? '']
          .join(' | ')
          .replace(/( \| )+$/, ''),
      )
      .join('\n'),
  };
}

/** Reads the form into a theme record; list entries remember their line for error messages. */
function recordOf(form: ThemeForm) {
  const collectionLines = numberedLines(form.collections);
  const eventLines = numberedLines(form.events);
  const linesOf = { collections: collectionLines.map((l) => l.line), events: eventLines.map((l) => l.line) };
  const parsed = themeRecordSchema.safeParse({
    type: 'theme',
    title: form.title,
    slug: form.slug.trim() || undefined,
    status: form.status,
    summary: form.summary,
    overview: form.overview,
    collections: collectionLines.map((l) =>
      /^\d{1,12}$/.test(l.text) ? { id: Number(l.text), name: l.text } : l.text,
    ),
    events: eventLines.map((l) => {
      const [date = '', title = '', description = '', link = ''] = l.text.split('|').map((p) => p.trim());
      return { date, title, description, link };
    }),
  });
  return { parsed, linesOf };
}

const ThemeFields: FC<{ form: ThemeForm; errors: Map<string, string> }> = ({ form, errors }) => (
  <>
    <CommonFields values={form} errors={errors} base="/themes" />
    <TextInput
      name="summary"
      label="Summary"
      hint="One or two sentences, shown in lists."
      value={form.summary}
      errors={errors}
      maxlength={1000}
    />
    <TextArea
      name="overview"
      label="Overview"
      hint="HTML: paragraphs, emphasis, lists and links. Anything else (scripts, styles) is removed."
      value={form.overview}
      errors={errors}
      rows={8}
      code
    />
    <TextArea
      name="collections"
      label="Collections"
      hint="One per line, by name or record ID. Documents in their sub-collections belong to the theme too."
      value={form.collections}
      errors={errors}
      rows={4}
    />
    <TextArea
      name="events"
      label="Timeline events"
      hint="One per line: date | title | description | link. The date may be 1962, 1962-04 or 1962-04-22; description and link are optional (a link is https://… or a path such as /documents/12)."
      value={form.events}
      errors={errors}
      rows={8}
      code
    />
  </>
);

const ThemeFormPage: FC<{
  frame: CuratedFrame;
  item?: Theme | undefined;
  form: ThemeForm;
  errors: FieldError[];
  notice?: string | undefined;
}> = ({ frame, item: theme, form, errors, notice }) => {
  const csrfToken = frame.c.get('csrfToken');
  return (
    <CuratedPage
      frame={frame}
      title={theme ? `Theme: ${theme.title}` : 'New theme'}
      section="/admin/themes"
      crumb={{ href: '/admin/themes', label: 'Themes' }}
      errors={errors}
      notice={notice}
    >
      <form
        method="post"
        action={theme ? `/admin/themes/${theme.id}` : '/admin/themes'}
        class="editor-form editor-section"
      >
        <CsrfField token={csrfToken} />
        <ThemeFields form={form} errors={new Map(errors.map((e) => [e.field, e.message]))} />
        <button type="submit" class="button">
          {theme ? 'Save' : 'Create'}
        </button>
      </form>
      {theme ? (
        <>
          {theme.status === 'published' ? (
            <p>
              <a href={`/themes/${theme.slug}`}>Public page</a>
            </p>
          ) : null}
          <DeleteForm action={`/admin/themes/${theme.id}/delete`} csrfToken={csrfToken} what="theme" />
        </>
      ) : null}
    </CuratedPage>
  );
};

const ThemeListPage: FC<{ frame: CuratedFrame; items: Theme[]; notice?: string | undefined }> = (props) => (
  <CuratedListPage
    {...props}
    title="Themes"
    base="/admin/themes"
    intro="Themes bring collections together on a public page with an overview, a timeline and a map."
    newLabel="New theme"
    empty="No theme yet."
    counts={[
      { heading: 'Collections', of: (theme) => theme.collectionIds.length },
      { heading: 'Events', of: (theme) => theme.events.length },
    ]}
  />
);

/** Themes in the workspace (editors): /admin/themes, /new, /{id}, /{id}/delete. */
export const themesAdminPages = (container: Pick<Container, 'config' | 'database'>) =>
  curatedAdminRoutes(container, {
    noun: 'theme',
    base: '/admin/themes',
    find: (db, id) => createThemesRepository({ db }).findById(id),
    list: (db) => createThemesRepository({ db }).list({ publishedOnly: false }),
    emptyForm,
    formOf,
    readForm: (body) => ({
      title: formText(body.title),
      slug: formText(body.slug),
      status: formText(body.status),
      summary: formText(body.summary),
      overview: formText(body.overview),
      collections: formText(body.collections),
      events: formText(body.events),
    }),
    recordOf,
    labels,
    save: saveTheme,
    remove: deleteTheme,
    FormPage: ThemeFormPage,
    ListPage: ThemeListPage,
  });
