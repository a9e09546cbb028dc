import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { accountsDeps } from './accounts.middleware.ts';
import { clientWithSession, createStaff, TestClient, testPassword } from './accounts.test-support.ts';
import { inviteUser } from './accounts.usecases.ts';

describe('signing in and out of the workspace', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    await createStaff(context, 'editor@example.org', 'editor');
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('signs in with e-mail and password and lands on the dashboard with a session cookie', async () => {
    const client = new TestClient(context);
    const response = await client.signIn('Editor@Example.org ', testPassword);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('chancery_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);

    const dashboard = await client.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('Signed in as <strong>editor@example.org</strong>');
  });

  it('stores only a digest of the session token', async () => {
    const client = new TestClient(context);
    await client.signIn('editor@example.org');
    const token = client.cookies.get('chancery_session')!;
    const rows = await context.container.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const unknown = await new TestClient(context).signIn('nobody@example.org', 'whatever it is');
    const wrong = await new TestClient(context).signIn('editor@example.org', 'not the password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
    const unknownText = await unknown.text();
    expect(message(unknownText)).toContain('The e-mail address or the password is not right.');
    expect(message(unknownText)).toBe(message(await wrong.text()));
  });

  it('keeps the entered e-mail but never echoes the password', async () => {
    const response = await new TestClient(context).signIn('editor@example.org', 'sekrit-typed-wrong');
    const html = await response.text();
    expect(html).toContain('value="editor@example.org"');
    expect(html).not.toContain('sekrit-typed-wrong');
  });

  it('asks for missing fields without counting a failed attempt', async () => {
    const client = new TestClient(context);
    await client.get('/admin/login');
    const response = await client.post('/admin/login', { email: '', password: '' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter your e-mail address.');
    expect(html).toContain('href="#login-email"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('returns to the page asked for after signing in, but never to another site', async () => {
    const client = new TestClient(context);
    const redirect = await client.get('/admin/account');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Faccount');
    await client.get('/admin/login?next=%2Fadmin%2Faccount');
    const back = await client.post('/admin/login', {
      email: 'editor@example.org',
      password: testPassword,
      next: '/admin/account',
    });
    expect(back.headers.get('location')).toBe('/admin/account');

    for (const next of [
      '//evil.example/admin',
      'https://evil.example/',
      '/admin\\..\\evil',
      '/documents/1',
    ]) {
      const other = new TestClient(context);
      await other.get('/admin/login');
      const response = await other.post('/admin/login', {
        email: 'editor@example.org',
        password: testPassword,
        next,
      });
      expect(response.headers.get('location')).toBe('/admin');
    }
  });

  it('signs out: the session ends on the server, not just in the browser', async () => {
    const client = new TestClient(context);
    await client.signIn('editor@example.org');
    const token = client.cookies.get('chancery_session')!;
    await client.get('/admin');
    const response = await client.post('/admin/logout');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/login?done=signed-out');
    expect(client.cookies.has('chancery_session')).toBe(false);

    const replay = new TestClient(context);
    replay.cookies.set('chancery_session', token);
    const again = await replay.get('/admin');
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/admin/login');
  });

  it('marks every workspace response private and not for indexing', async () => {
    for (const path of ['/admin/login', '/admin', '/admin/no-such-page']) {
      const response = await new TestClient(context).get(path);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
    }
    const html = await (await new TestClient(context).get('/admin/login')).text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
  });

  it('answers JSON callers with 401 instead of a redirect', async () => {
    const response = await new TestClient(context).get('/admin/api/session');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'auth.required' } });
  });
});

describe('cookies when the archive is served over https', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite', { CHANCERY_BASE_URL: 'https://archive.test' });
    await createStaff(context, 'editor@example.org', 'editor');
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('uses Secure cookies with the __Host- prefix', async () => {
    const client = new TestClient(context);
    const login = await client.get('/admin/login');
    const preSession = login.headers.getSetCookie().find((c) => c.startsWith('__Host-chancery_presession='));
    expect(preSession).toMatch(/; Secure/i);
    const response = await client.post('/admin/login', {
      email: 'editor@example.org',
      password: testPassword,
    });
    expect(response.status).toBe(303);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('__Host-chancery_session='));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Domain=/i);
    expect((await client.get('/admin')).status).toBe(200);
  });
});

describe('CSRF protection', () => {
  let context: TestContext;
  let editorId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    editorId = (await createStaff(context, 'editor@example.org', 'editor')).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  const sessionsOf = async (userId: number) =>
    (
      await context.container.database.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .execute()
    ).length;

  it('refuses a sign-in form without the token of this browser', async () => {
    const client = new TestClient(context);
    await client.get('/admin/login');
    const missing = await client.post('/admin/login', {
      _csrf: '',
      email: 'editor@example.org',
      password: testPassword,
    });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('out of date');

    const stranger = new TestClient(context);
    await stranger.get('/admin/login');
    const foreign = await client.post('/admin/login', {
      _csrf: stranger.lastCsrf!,
      email: 'editor@example.org',
      password: testPassword,
    });
    expect(foreign.status).toBe(403);
    expect(client.cookies.has('chancery_session')).toBe(false);
  });

  it('refuses a change without the token, or with the token of another session', async () => {
    const client = await clientWithSession(context, editorId);
    const other = await clientWithSession(context, editorId);
    const before = await sessionsOf(editorId);

    const missing = await client.post('/admin/account/sessions/revoke-others', { _csrf: '' });
    expect(missing.status).toBe(403);
    const wrong = await client.post('/admin/account/sessions/revoke-others', { _csrf: other.lastCsrf! });
    expect(wrong.status).toBe(403);
    expect(await sessionsOf(editorId)).toBe(before);

    const right = await client.post('/admin/account/sessions/revoke-others');
    expect(right.status).toBe(303);
    expect(await sessionsOf(editorId)).toBe(1);
  });

  it('refuses a request from another site even with a valid token', async () => {
    const client = await clientWithSession(context, editorId);
    const crossOrigin = await client.post(
      '/admin/account/sessions/revoke-others',
      {},
      { origin: 'https://evil.example' },
    );
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.text()).toContain('came from another site');

    const nullOrigin = await client.post('/admin/account/sessions/revoke-others', {}, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);

    const fetchSite = await client.post(
      '/admin/account/sessions/revoke-others',
      {},
      { origin: null, headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(fetchSite.status).toBe(403);

    const noHeaders = await client.post('/admin/account/sessions/revoke-others', {}, { origin: null });
    expect(noHeaders.status).toBe(303);
  });

  it('accepts the token in the X-CSRF-Token header for scripts', async () => {
    const client = await clientWithSession(context, editorId);
    const response = await client.request('/admin/account/sessions/revoke-others', {
      method: 'POST',
      headers: { 'x-csrf-token': client.lastCsrf!, origin: 'http://archive.test' },
    });
    expect(response.status).toBe(303);
    const json = await client.request('/admin/api/session', { headers: { accept: 'application/json' } });
    expect(await json.json()).toMatchObject({
      user: { email: 'editor@example.org' },
      csrfToken: client.lastCsrf,
    });
  });

  it('answers a JSON caller without a token with a JSON 403', async () => {
    const client = await clientWithSession(context, editorId);
    const response = await client.request('/admin/account/sessions/revoke-others', {
      method: 'POST',
      headers: { accept: 'application/json', origin: 'http://archive.test' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'csrf.invalid' } });
  });
});

describe('sign-in throttling', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite', { CHANCERY_TRUST_PROXY: '1' });
    await createStaff(context, 'target@example.org', 'admin');
    await createStaff(context, 'other@example.org', 'editor');
  });
  afterAll(async () => {
    await context.dispose();
  });

  const from = (ip: string) =>
    new TestClient(context, { headers: { 'x-forwarded-for': `203.0.113.250, ${ip}` } });

  it('refuses the sixth try at one account with 429, even with the right password, then lets it in later', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await from(`198.51.100.${attempt}`).signIn('target@example.org', `guess ${attempt}`);
      expect(response.status).toBe(401);
    }
    const sixth = await from('198.51.100.6').signIn('target@example.org', testPassword);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await sixth.text()).toContain('Too many failed sign-in attempts');

    // Once the failures are older than the window, the account opens again.
    await context.container.database.db
      .updateTable('login_failures')
      .set({ failed_at: new Date(Date.now() - 16 * 60_000).toISOString() })
      .where('account_key', '=', 'target@example.org')
      .execute();
    const later = await from('198.51.100.7').signIn('target@example.org', testPassword);
    expect(later.status).toBe(303);
  });

  it('throttles unknown addresses the same way, so the limit does not reveal who has an account', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await from(`192.0.2.${attempt}`).signIn('ghost@example.org', 'guess');
    }
    expect((await from('192.0.2.99').signIn('ghost@example.org', 'guess')).status).toBe(429);
  });

  it('refuses an IP address after 20 failures across many accounts', async () => {
    const ip = '198.18.0.1';
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await from(ip).signIn(`spray${attempt}@example.org`, 'Winter2026!');
      expect(response.status).toBe(401);
    }
    const blocked = await from(ip).signIn('other@example.org', testPassword);
    expect(blocked.status).toBe(429);
    // Another address is not affected.
    expect((await from('198.18.0.2').signIn('other@example.org', testPassword)).status).toBe(303);
  });

  it('records failures and successes in the audit log without storing a password typed as an e-mail', async () => {
    await from('198.51.100.77').signIn('my secret password', 'x');
    const rows = await context.container.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['auth.login', 'auth.login_failed'])
      .execute();
    expect(rows.some((r) => r.action === 'auth.login' && r.actor_label === 'target@example.org')).toBe(true);
    const failed = rows.filter((r) => r.action === 'auth.login_failed');
    expect(failed.some((r) => r.details?.includes('unknown_account') && r.ip === '198.51.100.77')).toBe(true);
    expect(failed.some((r) => r.details?.includes('wrong_password'))).toBe(true);
    expect(rows.some((r) => r.details?.includes('my secret password'))).toBe(false);
  });
});

describe('sessions expire and can be revoked', () => {
  let context: TestContext;
  let editorId: number;
  let adminId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    editorId = (await createStaff(context, 'editor@example.org', 'editor')).id;
    adminId = (await createStaff(context, 'admin@example.org', 'admin')).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  const db = () => context.container.database.db;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('ends a session left idle for longer than two hours', async () => {
    const client = await clientWithSession(context, editorId);
    expect((await client.get('/admin')).status).toBe(200);
    await db()
      .updateTable('sessions')
      .set({ last_seen_at: ago(121) })
      .where('user_id', '=', editorId)
      .execute();
    const response = await client.get('/admin');
    expect(response.status).toBe(303);
    expect(client.cookies.has('chancery_session')).toBe(false);
  });

  it('ends a session at its absolute limit however active it is', async () => {
    const client = await clientWithSession(context, editorId);
    await db()
      .updateTable('sessions')
      .set({ expires_at: ago(1) })
      .where('user_id', '=', editorId)
      .execute();
    expect((await client.get('/admin')).status).toBe(303);
  });

  it('lets an administrator list and end the sessions of another user', async () => {
    const editor = await clientWithSession(context, editorId);
    const admin = await clientWithSession(context, adminId);
    const page = await admin.get(`/admin/users/${editorId}`);
    const html = await page.text();
    const sessionId = /\/admin\/users\/\d+\/sessions\/(\d+)\/revoke/.exec(html)?.[1];
    expect(sessionId).toBeDefined();
    const revoke = await admin.post(`/admin/users/${editorId}/sessions/${sessionId}/revoke`);
    expect(revoke.status).toBe(303);
    expect((await editor.get('/admin')).status).toBe(303);
    const audit = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.sessions_revoked')
      .execute();
    expect(audit.some((r) => r.actor_id === adminId && r.target_id === String(editorId))).toBe(true);
  });

  it('does not let a user end a session that belongs to someone else', async () => {
    await clientWithSession(context, adminId);
    const adminSession = await db()
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', adminId)
      .executeTakeFirstOrThrow();
    const editor = await clientWithSession(context, editorId);
    const response = await editor.post(`/admin/account/sessions/${adminSession.id}/revoke`);
    expect(response.status).toBe(404);
    expect(
      await db().selectFrom('sessions').select('id').where('id', '=', adminSession.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('ends every session of an account when it is disabled, and refuses its password', async () => {
    const victim = await createStaff(context, 'leaver@example.org', 'contributor');
    const leaver = await clientWithSession(context, victim.id);
    const admin = await clientWithSession(context, adminId);
    expect((await admin.post(`/admin/users/${victim.id}/disable`)).status).toBe(303);
    expect((await leaver.get('/admin')).status).toBe(303);
    expect((await new TestClient(context).signIn(victim.email, victim.password)).status).toBe(401);
  });

  it('changes a password only with the current one, and signs out the other browsers', async () => {
    const person = await createStaff(context, 'changer@example.org', 'contributor');
    const elsewhere = await clientWithSession(context, person.id);
    const here = new TestClient(context);
    await here.signIn(person.email, person.password);
    await here.get('/admin/account');
    const wrong = await here.post('/admin/account/password', {
      current: 'not my password',
      next: 'a brand new passphrase',
      confirmation: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('The current password is not right.');
    expect((await elsewhere.get('/admin')).status).toBe(200);

    const right = await here.post('/admin/account/password', {
      current: person.password,
      next: 'a brand new passphrase',
      confirmation: 'a brand new passphrase',
    });
    expect(right.status).toBe(303);
    expect((await here.get('/admin/account')).status).toBe(200);
    expect((await elsewhere.get('/admin')).status).toBe(303);
    expect((await new TestClient(context).signIn(person.email, 'a brand new passphrase')).status).toBe(303);
  });

  it('keeps the last enabled administrator from being demoted or disabled', async () => {
    const admin = await clientWithSession(context, adminId);
    const demote = await admin.post(`/admin/users/${adminId}/role`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('only enabled administrator');
    expect((await admin.post(`/admin/users/${adminId}/disable`)).status).toBe(409);
  });
});

describe('set-password links', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context.dispose();
  });

  const invite = (email: string) =>
    inviteUser(
      accountsDeps(context.container),
      { email, displayName: null, role: 'contributor' },
      {
        actor: null,
        ip: null,
        userAgent: null,
      },
    );

  it('works once: sets the password, then the same link is refused', async () => {
    const { link } = await invite('new@example.org');
    const client = new TestClient(context);
    const form = await client.get(`/admin/set-password/${link.token}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('new@example.org');
    // The token is in the address: the page tells the browser to send no referrer anywhere.
    expect(formHtml).toContain('<meta name="referrer" content="no-referrer"/>');

    const weak = await client.post(`/admin/set-password/${link.token}`, {
      password: 'short',
      confirmation: 'short',
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('at least 12 characters');

    const set = await client.post(`/admin/set-password/${link.token}`, {
      password: 'a long and private phrase',
      confirmation: 'a long and private phrase',
    });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/admin/login?done=password-set');

    const again = await client.get(`/admin/set-password/${link.token}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used');
    const reuse = await client.post(`/admin/set-password/${link.token}`, {
      password: 'another long phrase here',
      confirmation: 'another long phrase here',
    });
    expect(reuse.status).toBe(410);
    expect(
      (await new TestClient(context).signIn('new@example.org', 'a long and private phrase')).status,
    ).toBe(303);
    expect((await new TestClient(context).signIn('new@example.org', 'another long phrase here')).status).toBe(
      401,
    );
  });

  it('expires after 72 hours', async () => {
    const { link } = await invite('late@example.org');
    await context.container.database.db
      .updateTable('password_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const response = await new TestClient(context).get(`/admin/set-password/${link.token}`);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('expired');
    const row = await context.container.database.db
      .selectFrom('password_tokens')
      .select(['created_at', 'token_hash'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(link.token);
  });

  it('treats a made-up or malformed token as unknown, never as an error', async () => {
    for (const token of ['x', 'A'.repeat(43), '%00', 'a'.repeat(500)]) {
      const response = await new TestClient(context).get(`/admin/set-password/${token}`);
      expect(response.status).toBe(404);
    }
  });

  it('replaces an earlier link when a new one is issued', async () => {
    const { userId, link: first } = await invite('twice@example.org');
    const admin = await createStaff(context, 'admin@example.org', 'admin');
    const client = await clientWithSession(context, admin.id);
    const response = await client.post(`/admin/users/${userId}/password-link`);
    expect(response.status).toBe(200);
    const second = /\/admin\/set-password\/([A-Za-z0-9_-]{43})/.exec(await response.text())?.[1];
    expect(second).toBeDefined();
    expect((await new TestClient(context).get(`/admin/set-password/${first.token}`)).status).toBe(410);
    expect((await new TestClient(context).get(`/admin/set-password/${second}`)).status).toBe(200);
  });
});

describe('oversized requests', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('refuses a form body over 2 MB with 413 before reading it', async () => {
    const client = new TestClient(context);
    await client.get('/admin/login');
    const response = await client.post('/admin/login', {
      email: 'x@example.org',
      password: 'p'.repeat(3 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('too large');
  });
});
