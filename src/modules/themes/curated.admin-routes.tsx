import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { type AdminEnv, actionContext, requireRole } from '../accounts/accounts.middleware.ts';
import { renderAdminPage } from '../admin/ui/admin-layout.tsx';
import type { FieldError } from '../editor/editor.record.ts';
import { type CuratedFrame, issuesToErrors, usecaseError } from './curated.forms.tsx';
import { CuratedFieldError, type SaveOptions } from './themes.usecases.ts';

/** What differs between the workspace pages of themes and of readers; the routes are the same. */
export type CuratedAdminSpec<Item extends { id: number }, Form, Saved> = {
  noun: 'theme' | 'reader';
  /** `/admin/themes` */
  base: string;
  find: (db: Kysely<Database>, id: number) => Promise<Item | undefined>;
  list: (db: Kysely<Database>) => Promise<Item[]>;
  emptyForm: Form;
  formOf: (item: Item, db: Kysely<Database>) => Form | Promise<Form>;
  readForm: (body: Record<string, unknown>) => Form;
  /** The form as a record, and the line each list entry was typed on (for error messages). */
  recordOf: (form: Form) => { parsed: z.ZodSafeParseResult<Saved>; linesOf: Record<string, number[]> };
  labels: Record<string, string>;
  save: (db: Kysely<Database>, record: Saved, options: SaveOptions) => Promise<{ id: number }>;
  remove: (db: Kysely<Database>, id: number, context: ActionContext) => Promise<void>;
  FormPage: FC<{
    frame: CuratedFrame;
    item?: Item | undefined;
    form: Form;
    errors: FieldError[];
    notice?: string | undefined;
  }>;
  ListPage: FC<{ frame: CuratedFrame; items: Item[]; notice?: string | undefined }>;
};

/**
 * The workspace routes of a curated record (editors only): the list, `/new`, `POST /` to create,
 * `/{id}` to edit, `POST /{id}` to save and `POST /{id}/delete`. A form with problems comes back
 * with 422, what was typed and every problem beside its field; a success redirects (303).
 */
export function curatedAdminRoutes<Item extends { id: number }, Form, Saved>(
  container: Pick<Container, 'config' | 'database'>,
  spec: CuratedAdminSpec<Item, Form, Saved>,
) {
  const { db } = container.database;
  const { FormPage, ListPage, noun } = spec;
  const app = new Hono<AdminEnv>();
  const frame = (c: Context<AdminEnv>): CuratedFrame => ({ c, container });
  const notices: Record<string, string> = {
    created: `The ${noun} was created.`,
    saved: 'Your changes were saved.',
    deleted: `The ${noun} was deleted.`,
  };
  const notice = (c: Context<AdminEnv>) => notices[c.req.query('done') ?? ''];
  const load = async (c: Context<AdminEnv>) => {
    const id = parseRecordId(c.req.param('id'));
    const item = id === undefined ? undefined : await spec.find(db, id);
    if (!item) throw notFound(`${noun}s.not_found`, `There is no such ${noun}.`);
    return item;
  };

  async function save(c: Context<AdminEnv>, item: Item | undefined) {
    const form = spec.readForm(await c.req.parseBody());
    const again = (errors: FieldError[]) =>
      c.html(renderAdminPage(<FormPage frame={frame(c)} item={item} form={form} errors={errors} />), 422);
    const { parsed, linesOf } = spec.recordOf(form);
    if (!parsed.success) return again(issuesToErrors(parsed.error.issues, spec.labels, linesOf));
    try {
      const { id } = await spec.save(db, parsed.data, {
        id: item?.id,
        createOnly: !item,
        context: actionContext(c),
      });
      return c.redirect(`${spec.base}/${id}?done=${item ? 'saved' : 'created'}`, 303);
    } catch (error) {
      if (error instanceof CuratedFieldError)
        return again([usecaseError(error.field, error.message, linesOf)]);
      throw error;
    }
  }

  app.get('/', requireRole('editor'), async (c) =>
    c.html(renderAdminPage(<ListPage frame={frame(c)} items={await spec.list(db)} notice={notice(c)} />)),
  );
  app.get('/new', requireRole('editor'), (c) =>
    c.html(renderAdminPage(<FormPage frame={frame(c)} form={spec.emptyForm} errors={[]} />)),
  );
  app.post('/', requireRole('editor'), (c) => save(c, undefined));
  app.get('/:id', requireRole('editor'), async (c) => {
    const item = await load(c);
    const form = await spec.formOf(item, db);
    return c.html(
      renderAdminPage(<FormPage frame={frame(c)} item={item} form={form} errors={[]} notice={notice(c)} />),
    );
  });
  app.post('/:id', requireRole('editor'), async (c) => save(c, await load(c)));
  app.post('/:id/delete', requireRole('editor'), async (c) => {
    const item = await load(c);
    await spec.remove(db, item.id, actionContext(c));
    return c.redirect(`${spec.base}?done=deleted`, 303);
  });
  return app;
}
