import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { type AuthorityKind, authorityKinds } from '../../database/tables.ts';
import { type AdminEnv, actionContext, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { getPublicAuthority } from '../authorities/authorities.page-data.ts';
import { type Authority, createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { CollectionImagePanel } from '../collections/collections.admin.tsx';
import { languageSchema } from '../documents/documents.schemas.ts';
import type { FieldError } from '../editor/editor.record.ts';
import { createEditorRepository } from '../editor/editor.repository.ts';
import { createAuthoritiesAdminRepository } from './authorities-admin.repository.ts';
import {
  AuthorityFieldError,
  type AuthorityInput,
  createAuthority,
  mergeAuthorities,
  updateAuthority,
} from './authorities-admin.usecases.ts';
import {
  type AuthorityForm,
  AuthorityListPage,
  AuthorityPage,
  kindLabels,
  NewAuthorityPage,
} from './authorities-admin.views.tsx';

const pageSize = 100;
const emptyForm: AuthorityForm = {
  name: '',
  variants: '',
  note: '',
  dates: '',
  parent: '',
  latitude: '',
  longitude: '',
};

const formOf = (
  a: Authority,
  parentName: string,
  position: { latitude: number | null; longitude: number | null },
): AuthorityForm => ({
  name: a.name,
  variants: a.variants.map((v) => (v.language ? `${v.name} | ${v.language}` : v.name)).join('\n'),
  note: a.note ?? '',
  dates: a.dates ?? '',
  parent: parentName,
  latitude: position.latitude === null ? '' : String(position.latitude),
  longitude: position.longitude === null ? '' : String(position.longitude),
});

/** The form as posted. */
const postedForm = (body: Record<string, unknown>): AuthorityForm => ({
  name: text(body.name),
  variants: text(body.variants),
  note: text(body.note),
  dates: text(body.dates),
  parent: text(body.parent),
  latitude: text(body.latitude),
  longitude: text(body.longitude),
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Reads the form; problems are collected per field, so all of them show at once. */
async function inputOf(
  form: AuthorityForm,
  kind: AuthorityKind,
  lookup: (name: string) => Promise<number | undefined>,
): Promise<{ input?: AuthorityInput; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const name = form.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Give the preferred name.' });
  if (name.length > 500) errors.push({ field: 'name', message: 'The name may have at most 500 characters.' });
  const variants: AuthorityInput['variants'] = [];
  for (const line of form.variants.split('\n').slice(0, 100)) {
    const [rawName = '', rawLanguage = ''] = line.split('|').map((part) => part.trim());
    if (!rawName) continue;
    let language: string | null = null;
    if (rawLanguage) {
      const parsed = languageSchema.safeParse(rawLanguage);
      if (parsed.success) language = parsed.data;
      else
        errors.push({
          field: 'variants',
          message: `Other names: “${rawLanguage.slice(0, 30)}” is not a language code.`,
        });
    }
    variants.push({ name: rawName.slice(0, 500), language });
  }
  let parentId: number | null = null;
  const parent = form.parent.trim();
  if (parent && (kind === 'place' || kind === 'collection')) {
    parentId = /^\d{1,12}$/.test(parent) ? Number(parent) : ((await lookup(parent)) ?? null);
    if (parentId === null)
      errors.push({ field: 'parent', message: `There is no ${kind} named “${parent.slice(0, 80)}”.` });
  }
  const position = kind === 'place' ? readPosition(form, errors) : { latitude: null, longitude: null };
  if (errors.length > 0) return { errors };
  return {
    input: {
      name,
      variants,
      note: form.note.trim().slice(0, 10_000) || null,
      dates: form.dates.trim().slice(0, 200) || null,
      parentId,
      ...position,
    },
    errors,
  };
}

/** A place's latitude and longitude: both or neither, in range. */
function readPosition(form: AuthorityForm, errors: FieldError[]) {
  const read = (field: 'latitude' | 'longitude', limit: number) => {
    const value = form[field].trim().replace(',', '.');
    if (value === '') return null;
    const n = /^[-+]?\d{1,3}(\.\d{1,10})?$/.test(value) ? Number(value) : Number.NaN;
    if (!(Math.abs(n) <= limit)) {
      errors.push({ field, message: `The ${field} must be a number of degrees from -${limit} to ${limit}.` });
      return null;
    }
    return n;
  };
  const latitude = read('latitude', 90);
  const longitude = read('longitude', 180);
  if (
    (latitude === null) !== (longitude === null) &&
    !errors.some((e) => e.field === 'latitude' || e.field === 'longitude')
  ) {
    errors.push({
      field: latitude === null ? 'latitude' : 'longitude',
      message: 'Give both the latitude and the longitude, or neither.',
    });
  }
  return { latitude, longitude };
}

/**
 * Authority records in the workspace (editors): list, create, edit, and merge a duplicate into the
 * record that stays. /admin/authorities, /new?kind=, /{id}, /{id}/merge.
 */
export function authoritiesAdminPages(container: Pick<Container, 'config' | 'database'>) {
  const { config, database } = container;
  const deps = { db: database.db, dialect: database.dialect };
  const app = new Hono<AdminEnv>();
  const authorities = () => createAuthoritiesRepository({ db: database.db });
  const staff = () => createAuthoritiesAdminRepository({ db: database.db });
  const frame = (c: Context<AdminEnv>) => ({
    site: config,
    user: signedInUser(c),
    csrfToken: c.get('csrfToken'),
  });
  const names = (kind: AuthorityKind) => createEditorRepository({ db: database.db }).frequentNames(kind, 300);

  async function showAuthority(
    c: Context<AdminEnv>,
    authority: Authority,
    extra: { form?: AuthorityForm; errors?: FieldError[]; mergeErrors?: FieldError[]; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const parent = authority.parentId ? await authorities().findById(authority.parentId) : undefined;
    const isPublic = await getPublicAuthority(database, authority.kind, { id: authority.id }).then(
      () => true,
      () => false,
    );
    return c.html(
      renderAdminPage(
        <AuthorityPage
          {...frame(c)}
          authority={authority}
          form={extra.form ?? formOf(authority, parent?.name ?? '', await staff().position(authority.id))}
          errors={extra.errors ?? []}
          mergeErrors={extra.mergeErrors ?? []}
          notice={extra.notice}
          documents={await staff().documents(authority.id)}
          names={await names(authority.kind)}
          isPublic={isPublic}
          side={
            authority.kind === 'collection' ? (
              <CollectionImagePanel
                id={authority.id}
                slug={authority.slug}
                image={await staff().image(authority.id)}
                problem={c.req.query('image')}
                csrfToken={c.get('csrfToken')}
              />
            ) : null
          }
        />,
      ),
      status,
    );
  }

  async function load(c: Context<AdminEnv>): Promise<Authority> {
    const id = parseRecordId(c.req.param('id'));
    const authority = id === undefined ? undefined : await authorities().findById(id);
    if (!authority) throw notFound('authorities.not_found', 'There is no such authority record.');
    return authority;
  }

  app.get('/', requireRole('editor'), async (c) => {
    const kind = authorityKinds.find((k) => k === c.req.query('kind'));
    const query = (c.req.query('q') ?? '').slice(0, 200);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { total, items } = await staff().list({ kind, query, page, perPage: pageSize });
    const merged = c.req.query('merged');
    return c.html(
      renderAdminPage(
        <AuthorityListPage
          {...frame(c)}
          kind={kind}
          query={query}
          page={page}
          pages={Math.max(1, Math.ceil(total / pageSize))}
          total={total}
          items={items}
          notice={merged ? 'The records were merged.' : undefined}
        />,
      ),
    );
  });

  app.get('/new', requireRole('editor'), async (c) => {
    const kind = authorityKinds.find((k) => k === c.req.query('kind')) ?? 'person';
    return c.html(
      renderAdminPage(
        <NewAuthorityPage {...frame(c)} kind={kind} form={emptyForm} errors={[]} names={await names(kind)} />,
      ),
    );
  });

  app.post('/', requireRole('editor'), async (c) => {
    const body = await c.req.parseBody();
    const kind = authorityKinds.find((k) => k === body.kind);
    if (!kind) throw new AppError('authorities.invalid', 422, 'Choose the kind of record to create.');
    const form = postedForm(body);
    const again = async (errors: FieldError[]) =>
      c.html(
        renderAdminPage(
          <NewAuthorityPage
            {...frame(c)}
            kind={kind}
            form={form}
            errors={errors}
            names={await names(kind)}
          />,
        ),
        422,
      );
    const { input, errors } = await inputOf(form, kind, (name) => authorities().findIdByName(kind, name));
    if (!input) return again(errors);
    try {
      const id = await createAuthority(deps, { kind, fields: input, context: actionContext(c) });
      return c.redirect(`/admin/authorities/${id}?done=created`, 303);
    } catch (error) {
      if (error instanceof AuthorityFieldError)
        return again([{ field: error.field, message: error.message }]);
      throw error;
    }
  });

  app.get('/:id', requireRole('editor'), async (c) => {
    const id = parseRecordId(c.req.param('id'));
    if (id !== undefined && !(await authorities().findById(id))) {
      // The address of a record merged into another leads to that one.
      const into = await staff().mergedInto(id);
      if (into !== undefined) return c.redirect(`/admin/authorities/${into}?done=moved`, 303);
    }
    const authority = await load(c);
    const done = c.req.query('done');
    const notice =
      done === 'created'
        ? `The ${kindLabels[authority.kind].toLowerCase()} was created.`
        : done === 'saved'
          ? 'Your changes were saved.'
          : done === 'kept'
            ? 'Your changes were saved; the former name was kept among the other names.'
            : done === 'merged'
              ? 'The duplicate was merged into this record; its address now leads here.'
              : done === 'moved'
                ? 'The record you asked for was merged into this one.'
                : undefined;
    return showAuthority(c, authority, notice ? { notice } : {});
  });

  app.post('/:id', requireRole('editor'), async (c) => {
    const authority = await load(c);
    const form = postedForm(await c.req.parseBody());
    const { input, errors } = await inputOf(form, authority.kind, (name) =>
      authorities().findIdByName(authority.kind, name),
    );
    if (!input) return showAuthority(c, authority, { form, errors }, 422);
    try {
      const { keptFormerName } = await updateAuthority(deps, {
        id: authority.id,
        fields: input,
        context: actionContext(c),
      });
      return c.redirect(`/admin/authorities/${authority.id}?done=${keptFormerName ? 'kept' : 'saved'}`, 303);
    } catch (error) {
      if (error instanceof AuthorityFieldError)
        return showAuthority(
          c,
          authority,
          { form, errors: [{ field: error.field, message: error.message }] },
          422,
        );
      throw error;
    }
  });

  app.post('/:id/merge', requireRole('editor'), async (c) => {
    const duplicate = await load(c);
    const into = text((await c.req.parseBody()).into).trim();
    const survivorId = /^\d{1,12}$/.test(into)
      ? Number(into)
      : into
        ? await authorities().findIdByName(duplicate.kind, into)
        : undefined;
    const refuse = (message: string) =>
      showAuthority(c, duplicate, { mergeErrors: [{ field: 'into', message }] }, 422);
    if (survivorId === undefined)
      return refuse(
        into
          ? `There is no ${duplicate.kind} named “${into.slice(0, 80)}”.`
          : 'Give the record to merge into.',
      );
    try {
      const { survivor } = await mergeAuthorities(deps, {
        duplicateId: duplicate.id,
        survivorId,
        context: actionContext(c),
      });
      return c.redirect(`/admin/authorities/${survivor.id}?done=merged`, 303);
    } catch (error) {
      if (error instanceof AuthorityFieldError) return refuse(error.message);
      throw error;
    }
  });

  return app;
}
