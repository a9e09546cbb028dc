import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { Container } from '../../app/container.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { renderAdminPage } from '../admin/ui/admin-layout.tsx';
import type { AccountsDeps } from './accounts.context.ts';
import {
  type AdminContext,
  type AdminEnv,
  actionContext,
  clearSessionCookie,
  cookieNames,
  requireRole,
  safeNextPath,
  setSessionCookie,
  signedInUser,
} from './accounts.middleware.ts';
import { formText } from './accounts.schemas.ts';
import {
  changeOwnPassword,
  inspectPasswordLink,
  revokeSessions,
  usePasswordLink,
} from './accounts.usecases.ts';
import { AccountPage, LoginPage, PasswordLinkProblemPage, SetPasswordPage } from './accounts.views.tsx';
import { endSession, listActiveSessions, signIn } from './sessions.usecases.ts';

/** Messages after a redirect, chosen by key so that nothing from the URL is echoed into the page. */
const loginNotices: Record<string, string> = {
  'password-set': 'Your password is set. Sign in with it now.',
  'signed-out': 'You have signed out.',
};
const accountNotices: Record<string, string> = {
  'password-changed': 'Your password was changed. Every other browser has been signed out.',
  'session-ended': 'The session was ended.',
  'others-ended': 'Every other browser has been signed out.',
};

const linkStatus = { unknown: 404, expired: 410, used: 410 } as const;

/** Sign-in, sign-out, set-password links and one's own account, under /admin. */
export function accountsPages(container: Pick<Container, 'config'>, deps: AccountsDeps) {
  const { config } = container;
  const app = new Hono<AdminEnv>();

  app.get('/login', (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('currentUser')) return c.redirect(next, 303);
    const notice = loginNotices[c.req.query('done') ?? ''] ?? null;
    return c.html(
      renderAdminPage(<LoginPage site={config} csrfToken={c.get('csrfToken')} next={next} notice={notice} />),
    );
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const email = formText(body, 'email');
    const password = formText(body, 'password');
    const next = safeNextPath(formText(body, 'next'));
    const page = (errors: Record<string, string>, status: 401 | 422 | 429) =>
      c.html(
        renderAdminPage(
          <LoginPage
            site={config}
            csrfToken={c.get('csrfToken')}
            email={email}
            next={next}
            errors={errors}
          />,
        ),
        status,
      );

    const missing: Record<string, string> = {};
    if (email.trim() === '') missing.email = 'Enter your e-mail address.';
    if (password === '') missing.password = 'Enter your password.';
    if (Object.keys(missing).length > 0) return page(missing, 422);

    const result = await signIn(deps, { email, password }, c.get('origin'));
    if (!result.ok && result.reason === 'throttled') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      c.header('Retry-After', String(result.retryAfterSeconds));
      return page(
        {
          form: `Too many failed sign-in attempts. For your security, signing in is paused: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        },
        429,
      );
    }
    if (!result.ok) return page({ form: 'The e-mail address or the password is not right.' }, 401);

    setSessionCookie(c, config, result.token);
    deleteCookie(c, cookieNames(config).preSession, {
      path: '/',
      secure: config.baseUrl.startsWith('https:'),
    });
    return c.redirect(next, 303);
  });

  app.post('/logout', requireRole('contributor'), async (c) => {
    const session = c.get('session');
    if (session) await endSession(deps, session.id, actionContext(c));
    clearSessionCookie(c, config);
    return c.redirect('/admin/login?done=signed-out', 303);
  });

  app.get('/set-password/:token', async (c) => {
    const link = await inspectPasswordLink(deps, c.req.param('token'));
    if (link.state !== 'valid') {
      return c.html(
        renderAdminPage(
          <PasswordLinkProblemPage site={config} csrfToken={c.get('csrfToken')} state={link.state} />,
        ),
        linkStatus[link.state],
      );
    }
    return c.html(
      renderAdminPage(
        <SetPasswordPage
          site={config}
          csrfToken={c.get('csrfToken')}
          token={c.req.param('token')}
          email={link.user.email}
          purpose={link.user.password_hash ? 'reset' : 'invite'}
        />,
      ),
    );
  });

  app.post('/set-password/:token', async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const result = await usePasswordLink(
      deps,
      { token, password: formText(body, 'password'), confirmation: formText(body, 'confirmation') },
      c.get('origin'),
    );
    if (result.ok) {
      // Whoever was signed in in this browser is signed out: all sessions of the account ended.
      clearSessionCookie(c, config);
      return c.redirect('/admin/login?done=password-set', 303);
    }
    if ('state' in result) {
      return c.html(
        renderAdminPage(
          <PasswordLinkProblemPage site={config} csrfToken={c.get('csrfToken')} state={result.state} />,
        ),
        linkStatus[result.state],
      );
    }
    const link = await inspectPasswordLink(deps, token);
    if (link.state !== 'valid') {
      return c.html(
        renderAdminPage(
          <PasswordLinkProblemPage site={config} csrfToken={c.get('csrfToken')} state={link.state} />,
        ),
        linkStatus[link.state],
      );
    }
    return c.html(
      renderAdminPage(
        <SetPasswordPage
          site={config}
          csrfToken={c.get('csrfToken')}
          token={token}
          email={link.user.email}
          purpose={link.user.password_hash ? 'reset' : 'invite'}
          problems={result.problems}
        />,
      ),
      422,
    );
  });

  const accountPage = async (
    c: AdminContext,
    extra: { errors?: Record<string, string>; notice?: string | null } = {},
  ) => {
    const user = signedInUser(c);
    return renderAdminPage(
      <AccountPage
        site={config}
        csrfToken={c.get('csrfToken')}
        user={user}
        currentSessionId={c.get('session')?.id ?? 0}
        sessions={await listActiveSessions(deps, user.id)}
        {...extra}
      />,
    );
  };

  app.get('/account', requireRole('contributor'), async (c) =>
    c.html(await accountPage(c, { notice: accountNotices[c.req.query('done') ?? ''] ?? null })),
  );

  app.post('/account/password', requireRole('contributor'), async (c) => {
    const body = await c.req.parseBody();
    const result = await changeOwnPassword(
      deps,
      signedInUser(c),
      c.get('session')?.id ?? 0,
      {
        current: formText(body, 'current'),
        next: formText(body, 'next'),
        confirmation: formText(body, 'confirmation'),
      },
      actionContext(c),
    );
    if (result.ok) return c.redirect('/admin/account?done=password-changed', 303);
    if (result.retryAfterSeconds) c.header('Retry-After', String(result.retryAfterSeconds));
    return c.html(await accountPage(c, { errors: result.errors }), result.retryAfterSeconds ? 429 : 422);
  });

  app.post('/account/sessions/revoke-others', requireRole('contributor'), async (c) => {
    await revokeSessions(deps, signedInUser(c).id, { allExcept: c.get('session')?.id }, actionContext(c));
    return c.redirect('/admin/account?done=others-ended', 303);
  });

  app.post('/account/sessions/:sessionId/revoke', requireRole('contributor'), async (c) => {
    const user = signedInUser(c);
    const sessionId = parseRecordId(c.req.param('sessionId')) ?? 0;
    await revokeSessions(deps, user.id, { sessionId }, actionContext(c));
    if (sessionId === c.get('session')?.id) {
      clearSessionCookie(c, config);
      return c.redirect('/admin/login?done=signed-out', 303);
    }
    return c.redirect('/admin/account?done=session-ended', 303);
  });

  return app;
}
