import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { AppError } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { renderAdminPage } from '../admin/ui/admin-layout.tsx';
import type { AccountsDeps } from './accounts.context.ts';
import {
  type AdminContext,
  type AdminEnv,
  actionContext,
  requireRole,
  signedInUser,
} from './accounts.middleware.ts';
import { fieldErrors, formText, inviteSchema, roleSchema } from './accounts.schemas.ts';
import {
  changeRole,
  findUser,
  inviteUser,
  issuePasswordLink,
  listUsers,
  revokeSessions,
  setUserDisabled,
} from './accounts.usecases.ts';
import { listActiveSessions } from './sessions.usecases.ts';
import { PasswordLinkPage, UserPage, UsersPage } from './users.views.tsx';

const userNotices: Record<string, string> = {
  role: 'The role was changed.',
  disabled: 'The account was disabled and its sessions ended.',
  enabled: 'The account was enabled. If its owner has no password, create an invitation link.',
  'session-ended': 'The session was ended.',
  'sessions-ended': 'All sessions of this account were ended.',
};

const userIdParam = (c: AdminContext): number => {
  const id = parseRecordId(c.req.param('id'));
  if (id === undefined) throw new AppError('accounts.user_not_found', 404, 'There is no such account.');
  return id;
};

/** Account management for administrators: list, invite, roles, disable, links and sessions. */
export function usersPages(container: Pick<Container, 'config'>, deps: AccountsDeps) {
  const { config } = container;
  const app = new Hono<AdminEnv>();
  app.use('*', requireRole('admin'));

  const listPage = async (c: AdminContext, extra: Partial<Parameters<typeof UsersPage>[0]> = {}) =>
    renderAdminPage(
      <UsersPage
        site={config}
        csrfToken={c.get('csrfToken')}
        user={signedInUser(c)}
        users={await listUsers(deps)}
        {...extra}
      />,
    );

  app.get('/', async (c) => c.html(await listPage(c)));

  app.post('/', async (c) => {
    const body = await c.req.parseBody();
    const form = {
      email: formText(body, 'email'),
      displayName: formText(body, 'displayName'),
      role: formText(body, 'role'),
    };
    const parsed = inviteSchema.safeParse(form);
    if (!parsed.success) return c.html(await listPage(c, { form, errors: fieldErrors(parsed.error) }), 422);
    try {
      const { userId, link } = await inviteUser(deps, parsed.data, actionContext(c));
      const target = await findUser(deps, userId);
      return c.html(
        renderAdminPage(
          <PasswordLinkPage
            site={config}
            csrfToken={c.get('csrfToken')}
            user={signedInUser(c)}
            target={target}
            link={link}
            created
          />,
        ),
        201,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'accounts.email_taken') {
        return c.html(await listPage(c, { form, errors: { email: error.message } }), 409);
      }
      throw error;
    }
  });

  app.get('/:id', async (c) => {
    const target = await findUser(deps, userIdParam(c));
    return c.html(
      renderAdminPage(
        <UserPage
          site={config}
          csrfToken={c.get('csrfToken')}
          user={signedInUser(c)}
          target={target}
          sessions={await listActiveSessions(deps, target.id)}
          notice={userNotices[c.req.query('done') ?? ''] ?? null}
        />,
      ),
    );
  });

  app.post('/:id/role', async (c) => {
    const id = userIdParam(c);
    const role = roleSchema.safeParse(formText(await c.req.parseBody(), 'role'));
    if (!role.success)
      throw new AppError('accounts.invalid_role', 422, 'Choose a role: contributor, editor or admin.');
    await changeRole(deps, id, role.data, actionContext(c));
    return c.redirect(`/admin/users/${id}?done=role`, 303);
  });

  app.post('/:id/disable', async (c) => {
    const id = userIdParam(c);
    await setUserDisabled(deps, id, true, actionContext(c));
    return c.redirect(`/admin/users/${id}?done=disabled`, 303);
  });

  app.post('/:id/enable', async (c) => {
    const id = userIdParam(c);
    await setUserDisabled(deps, id, false, actionContext(c));
    return c.redirect(`/admin/users/${id}?done=enabled`, 303);
  });

  app.post('/:id/password-link', async (c) => {
    const id = userIdParam(c);
    const link = await issuePasswordLink(deps, id, actionContext(c));
    const target = await findUser(deps, id);
    return c.html(
      renderAdminPage(
        <PasswordLinkPage
          site={config}
          csrfToken={c.get('csrfToken')}
          user={signedInUser(c)}
          target={target}
          link={link}
          created={false}
        />,
      ),
    );
  });

  app.post('/:id/sessions/revoke', async (c) => {
    const id = userIdParam(c);
    await revokeSessions(deps, id, { allExcept: undefined }, actionContext(c));
    return c.redirect(`/admin/users/${id}?done=sessions-ended`, 303);
  });

  app.post('/:id/sessions/:sessionId/revoke', async (c) => {
    const id = userIdParam(c);
    const sessionId = parseRecordId(c.req.param('sessionId')) ?? 0;
    await revokeSessions(deps, id, { sessionId }, actionContext(c));
    return c.redirect(`/admin/users/${id}?done=session-ended`, 303);
  });

  return app;
}
