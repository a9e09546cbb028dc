import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { AppError } from '../../app/errors.ts';
import { createAuditRepository } from '../audit/audit.repository.ts';
import { auditFilterSchema } from '../audit/audit.schemas.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import type { AccountsDeps, ActionContext } from './accounts.context.ts';
import { defaultAccountsPolicy } from './accounts.policy.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import {
  changeRole,
  inspectPasswordLink,
  inviteUser,
  listUsers,
  revokeSessions,
  setUserDisabled,
  usePasswordLink,
} from './accounts.usecases.ts';
import { listActiveSessions, resolveSession, signIn, startSession } from './sessions.usecases.ts';

const cli: ActionContext = { actor: { id: null, label: 'cli' }, ip: null, userAgent: null };
const browser = { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };

describe.each(databaseKinds())('account storage on %s', (kind) => {
  let context: TestContext;
  /** A clock the tests move by hand, so expiry is tested without waiting. */
  let clock = new Date('2026-11-28T09:00:00.000Z');
  const deps = (): AccountsDeps => ({
    db: context.container.database.db,
    policy: defaultAccountsPolicy,
    now: () => clock,
  });
  const advance = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  async function staff(
    email: string,
    role: 'admin' | 'editor' | 'contributor',
    password = 'a long enough password',
  ) {
    const { userId, link } = await inviteUser(deps(), { email, displayName: null, role }, cli);
    const set = await usePasswordLink(
      deps(),
      { token: link.token, password, confirmation: password },
      browser,
    );
    expect(set.ok).toBe(true);
    return userId;
  }

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('creates an invited account without a password, and refuses a second account for the same address', async () => {
    const { userId, link } = await inviteUser(
      deps(),
      { email: 'ada@example.org', displayName: 'Ada', role: 'editor' },
      cli,
    );
    const user = await createAccountsRepository({ db: deps().db }).findUserById(userId);
    expect(user).toMatchObject({
      email: 'ada@example.org',
      display_name: 'Ada',
      role: 'editor',
      password_hash: null,
    });
    expect(link.expiresAt).toBe(new Date(clock.getTime() + 72 * 3_600_000).toISOString());
    await expect(
      inviteUser(deps(), { email: 'ada@example.org', displayName: null, role: 'admin' }, cli),
    ).rejects.toMatchObject({ code: 'accounts.email_taken', status: 409 });
    const listed = (await listUsers(deps())).find((u) => u.id === userId);
    expect(listed?.status).toBe('invited');
  });

  it('consumes a set-password link exactly once and stores an argon2id hash', async () => {
    const { userId, link } = await inviteUser(
      deps(),
      { email: 'once@example.org', displayName: null, role: 'contributor' },
      cli,
    );
    const input = { token: link.token, password: 'my first passphrase', confirmation: 'my first passphrase' };
    const [first, second] = await Promise.all([
      usePasswordLink(deps(), input, browser),
      usePasswordLink(deps(), input, browser),
    ]);
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    const user = await createAccountsRepository({ db: deps().db }).findUserById(userId);
    expect(user?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await inspectPasswordLink(deps(), link.token)).toEqual({ state: 'used' });
  });

  it('lets a link expire after 72 hours', async () => {
    const { link } = await inviteUser(
      deps(),
      { email: 'slow@example.org', displayName: null, role: 'contributor' },
      cli,
    );
    advance(72 * 60 + 1);
    expect(await inspectPasswordLink(deps(), link.token)).toEqual({ state: 'expired' });
    const result = await usePasswordLink(
      deps(),
      { token: link.token, password: 'too late a passphrase', confirmation: 'too late a passphrase' },
      browser,
    );
    expect(result).toEqual({ ok: false, state: 'expired' });
  });

  it('signs in, resolves the session, and ends it after two idle hours', async () => {
    await staff('idle@example.org', 'editor');
    const result = await signIn(
      deps(),
      { email: 'IDLE@example.org', password: 'a long enough password' },
      browser,
    );
    if (!result.ok) throw new Error('sign-in failed');
    const resolved = await resolveSession(deps(), result.token);
    expect(resolved?.user).toMatchObject({ email: 'idle@example.org', role: 'editor' });
    advance(119);
    expect(await resolveSession(deps(), result.token)).not.toBeNull();
    advance(119);
    expect(await resolveSession(deps(), result.token)).not.toBeNull();
    advance(121);
    expect(await resolveSession(deps(), result.token)).toBeNull();
    const rows = await deps()
      .db.selectFrom('sessions')
      .selectAll()
      .where('id', '=', resolved!.session.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('ends a session twelve hours after sign-in however busy it is', async () => {
    const userId = await staff('busy@example.org', 'editor');
    const { token } = await startSession(deps(), userId, browser);
    for (let hour = 0; hour < 11; hour++) {
      advance(60);
      expect(await resolveSession(deps(), token)).not.toBeNull();
    }
    advance(61);
    expect(await resolveSession(deps(), token)).toBeNull();
  });

  it('counts failures per account over a sliding window', async () => {
    await staff('guarded@example.org', 'admin');
    for (let i = 0; i < 5; i++) {
      expect(await signIn(deps(), { email: 'guarded@example.org', password: `wrong ${i}` }, browser)).toEqual(
        {
          ok: false,
          reason: 'invalid',
        },
      );
      advance(2);
    }
    const throttled = await signIn(
      deps(),
      { email: 'guarded@example.org', password: 'a long enough password' },
      browser,
    );
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
    // The first failure leaves the window 15 minutes after it happened: 10 minutes were spent above.
    if (throttled.ok || throttled.reason !== 'throttled') throw new Error('expected throttling');
    expect(throttled.retryAfterSeconds).toBe(5 * 60);
    advance(5);
    expect(
      (await signIn(deps(), { email: 'guarded@example.org', password: 'a long enough password' }, browser))
        .ok,
    ).toBe(true);
  });

  it('disables and re-enables an account, ending its sessions, but never the last administrator', async () => {
    const adminId = await staff('only-admin@example.org', 'admin');
    const others = await deps()
      .db.selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('id', '!=', adminId)
      .execute();
    for (const other of others) await setUserDisabled(deps(), other.id, true, cli);

    await expect(setUserDisabled(deps(), adminId, true, cli)).rejects.toBeInstanceOf(AppError);
    await expect(changeRole(deps(), adminId, 'editor', cli)).rejects.toMatchObject({
      code: 'accounts.last_admin',
    });

    const editorId = await staff('temp@example.org', 'editor');
    await startSession(deps(), editorId, browser);
    await setUserDisabled(deps(), editorId, true, cli);
    expect(await listActiveSessions(deps(), editorId)).toEqual([]);
    expect(
      (await signIn(deps(), { email: 'temp@example.org', password: 'a long enough password' }, browser)).ok,
    ).toBe(false);
    await setUserDisabled(deps(), editorId, false, cli);
    advance(16);
    expect(
      (await signIn(deps(), { email: 'temp@example.org', password: 'a long enough password' }, browser)).ok,
    ).toBe(true);
  });

  it('ends one session by ID only for its own user', async () => {
    const a = await staff('a@example.org', 'contributor');
    const b = await staff('b@example.org', 'contributor');
    const { sessionId } = await startSession(deps(), b, browser);
    await expect(revokeSessions(deps(), a, { sessionId }, cli)).rejects.toMatchObject({ status: 404 });
    expect(await revokeSessions(deps(), b, { sessionId }, cli)).toBe(1);
  });

  it('writes audit events inside the caller transaction, and rolls them back with it', async () => {
    await expect(
      deps()
        .db.transaction()
        .execute(async (trx) => {
          await createAuditLog({ db: trx }).record({
            actor: null,
            action: 'document.published',
            target: { type: 'document', id: 7 },
          });
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    await deps()
      .db.transaction()
      .execute(async (trx) => {
        await createAuditLog({ db: trx }).record({
          actor: { id: null, label: 'cli' },
          action: 'document.published',
          target: { type: 'document', id: 8, label: 'Record of a conversation' },
          details: { from: 'draft', to: 'published' },
          ip: '192.0.2.1',
        });
      });
    const audit = createAuditRepository({ db: deps().db });
    const byTarget = await audit.list(auditFilterSchema.parse({ targetType: 'document' }), 50);
    expect(byTarget.events.map((e) => e.target_id)).toEqual(['8']);
    expect(byTarget.events[0]).toMatchObject({
      details: '{"from":"draft","to":"published"}',
      actor_label: 'cli',
    });
  });

  it('filters the audit log by actor, action area, exact action and day range', async () => {
    const audit = createAuditRepository({ db: deps().db });
    const all = await audit.list(auditFilterSchema.parse({}), 1000);
    expect(all.total).toBeGreaterThan(10);
    const logins = await audit.list(auditFilterSchema.parse({ action: 'auth' }), 1000);
    expect(logins.events.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(logins.events.some((e) => e.action === 'auth.login_failed')).toBe(true);
    const created = await audit.list(auditFilterSchema.parse({ action: 'user.created' }), 1000);
    expect(created.events.every((e) => e.action === 'user.created')).toBe(true);
    const user = await createAccountsRepository({ db: deps().db }).findUserByEmail('guarded@example.org');
    const byActor = await audit.list(auditFilterSchema.parse({ actor: String(user!.id) }), 1000);
    expect(byActor.events.length).toBeGreaterThan(0);
    expect(byActor.events.every((e) => e.actor_id === user!.id)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await audit.list(auditFilterSchema.parse({ from: today, to: today }), 1000);
    expect(inRange.total).toBe(all.total);
    const before = await audit.list(auditFilterSchema.parse({ to: '2000-01-01' }), 1000);
    expect(before.total).toBe(0);
    const paged = await audit.list(auditFilterSchema.parse({ page: '2' }), 5);
    expect(paged.events.map((e) => e.id)).toEqual(all.events.slice(5, 10).map((e) => e.id));
  });
});
