import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { createStaff, TestClient, testPassword } from './accounts.test-support.ts';

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
