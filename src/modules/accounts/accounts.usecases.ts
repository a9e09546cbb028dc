import { AppError } from '../../app/errors.ts';
import type { UserRole } from '../../database/tables.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import type { AccountsDeps, ActionContext, CurrentUser } from './accounts.context.ts';
import { shiftMinutes } from './accounts.policy.ts';
import { type AccountsRepository, createAccountsRepository, type UserRow } from './accounts.repository.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { recordFailure, throttleState } from './sessions.usecases.ts';
import { looksLikeToken, newToken, tokenDigest } from './tokens.ts';

export type PasswordLink = { token: string; expiresAt: string };

const userTarget = (user: Pick<UserRow, 'id' | 'email'>) => ({
  type: 'user',
  id: user.id,
  label: user.email,
});

async function requireUser(accounts: AccountsRepository, id: number): Promise<UserRow> {
  const user = await accounts.findUserById(id);
  if (!user) throw new AppError('accounts.user_not_found', 404, 'There is no such account.');
  return user;
}

async function createLink(
  deps: AccountsDeps,
  accounts: AccountsRepository,
  user: UserRow,
  createdBy: number | null,
): Promise<PasswordLink> {
  const token = newToken();
  const now = deps.now();
  const expiresAt = shiftMinutes(now, deps.policy.passwordLinkHours * 60);
  // A new link replaces any earlier one still lying in someone's mailbox.
  await accounts.retirePasswordTokens(user.id, now.toISOString());
  await accounts.insertPasswordToken({
    user_id: user.id,
    token_hash: tokenDigest(token),
    purpose: user.password_hash ? 'reset' : 'invite',
    created_by: createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { token, expiresAt };
}

/**
 * Creates an account without a password and returns the one-time link with which its owner chooses
 * one. The link is shown once, to whoever created the account, and stored only as a digest.
 */
export async function inviteUser(
  deps: AccountsDeps,
  input: { email: string; displayName: string | null; role: UserRole },
  context: ActionContext,
): Promise<{ userId: number; link: PasswordLink }> {
  return deps.db.transaction().execute(async (trx) => {
    const accounts = createAccountsRepository({ db: trx });
    if (await accounts.findUserByEmail(input.email)) {
      throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`);
    }
    const now = deps.now().toISOString();
    const userId = await accounts.insertUser({
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      created_at: now,
      updated_at: now,
    });
    const user = await requireUser(accounts, userId);
    const link = await createLink({ ...deps, db: trx }, accounts, user, context.actor?.id ?? null);
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'user.created',
      target: userTarget(user),
      details: { role: input.role, linkExpiresAt: link.expiresAt },
    });
    return { userId, link };
  });
}

/** A fresh set-password link for an existing account (a lost password, an expired invitation). */
export async function issuePasswordLink(
  deps: AccountsDeps,
  userId: number,
  context: ActionContext,
): Promise<PasswordLink> {
  return deps.db.transaction().execute(async (trx) => {
    const accounts = createAccountsRepository({ db: trx });
    const user = await requireUser(accounts, userId);
    if (user.disabled_at) {
      throw new AppError('accounts.user_disabled', 409, 'Enable the account before sending it a link.');
    }
    const link = await createLink({ ...deps, db: trx }, accounts, user, context.actor?.id ?? null);
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'user.password_link_issued',
      target: userTarget(user),
      details: { linkExpiresAt: link.expiresAt },
    });
    return link;
  });
}

export type LinkState =
  | { state: 'valid'; user: UserRow; tokenId: number }
  | { state: 'unknown' | 'expired' | 'used' };

/** What a set-password link is worth now, without using it. */
export async function inspectPasswordLink(deps: AccountsDeps, token: string | undefined): Promise<LinkState> {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const accounts = createAccountsRepository({ db: deps.db });
  const row = await accounts.findPasswordToken(tokenDigest(token));
  if (!row) return { state: 'unknown' };
  if (row.used_at) return { state: 'used' };
  if (row.expires_at <= deps.now().toISOString()) return { state: 'expired' };
  const user = await accounts.findUserById(row.user_id);
  if (!user || user.disabled_at) return { state: 'unknown' };
  return { state: 'valid', user, tokenId: row.id };
}

export type SetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; problems: string[] }
  | { ok: false; state: 'unknown' | 'expired' | 'used' };

/**
 * Sets a password through a one-time link. The link is consumed in the same transaction, every
 * existing session of the account ends (whoever knew the old password is out), and the owner signs
 * in afresh.
 */
export async function usePasswordLink(
  deps: AccountsDeps,
  input: { token: string; password: string; confirmation: string },
  context: Omit<ActionContext, 'actor'>,
): Promise<SetPasswordResult> {
  const link = await inspectPasswordLink(deps, input.token);
  if (link.state !== 'valid') return { ok: false, state: link.state };
  const problems = passwordProblems(input.password, link.user.email);
  if (input.password !== input.confirmation) problems.push('The two passwords are not the same.');
  if (problems.length > 0) return { ok: false, problems };

  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx): Promise<SetPasswordResult> => {
    const accounts = createAccountsRepository({ db: trx });
    const now = deps.now().toISOString();
    if (!(await accounts.consumePasswordToken(link.tokenId, now))) return { ok: false, state: 'used' };
    await accounts.updateUser(link.user.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
    });
    await accounts.retirePasswordTokens(link.user.id, now);
    const ended = await accounts.deleteSessionsOfUser(link.user.id);
    await createAuditLog({ db: trx }).record({
      ...context,
      actor: { id: link.user.id, label: link.user.email },
      action: 'user.password_set',
      target: userTarget(link.user),
      details: { via: 'link', sessionsEnded: ended },
    });
    return { ok: true, email: link.user.email };
  });
}

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * Changes one's own password. The current password is required (a borrowed, unlocked browser is not
 * enough) and guesses at it count towards the same throttle as sign-in. Other sessions end.
 */
export async function changeOwnPassword(
  deps: AccountsDeps,
  user: CurrentUser,
  currentSessionId: number,
  input: { current: string; next: string; confirmation: string },
  context: ActionContext,
): Promise<ChangePasswordResult> {
  const accounts = createAccountsRepository({ db: deps.db });
  const ip = context.ip ?? 'unknown';
  const throttle = await throttleState(deps, accounts, user.email, ip);
  if (throttle.throttled) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    return {
      ok: false,
      retryAfterSeconds: throttle.retryAfterSeconds,
      errors: {
        current: `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      },
    };
  }
  const row = await requireUser(accounts, user.id);
  if (!row.password_hash || !(await verifyPassword(row.password_hash, input.current))) {
    await deps.db.transaction().execute(async (trx) => {
      await recordFailure(deps, createAccountsRepository({ db: trx }), user.email, ip);
      await createAuditLog({ db: trx }).record({
        ...context,
        action: 'user.password_change_failed',
        target: userTarget(row),
        details: { reason: 'wrong_current_password' },
      });
    });
    return { ok: false, errors: { current: 'The current password is not right.' } };
  }
  const errors: Record<string, string> = {};
  const problems = passwordProblems(input.next, row.email);
  if (problems.length > 0) errors.next = problems.join(' ');
  else if (input.next === input.current) errors.next = 'The new password must differ from the current one.';
  if (input.next !== input.confirmation) errors.confirmation = 'The two new passwords are not the same.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(input.next);
  return deps.db.transaction().execute(async (trx) => {
    const repo = createAccountsRepository({ db: trx });
    const now = deps.now().toISOString();
    await repo.updateUser(user.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
    });
    await repo.retirePasswordTokens(user.id, now);
    const sessionsEnded = await repo.deleteSessionsOfUser(user.id, currentSessionId);
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'user.password_changed',
      target: userTarget(row),
      details: { sessionsEnded },
    });
    return { ok: true, sessionsEnded };
  });
}

/** Refuses a change that would leave the archive without an enabled administrator. */
async function keepAnAdmin(accounts: AccountsRepository, user: UserRow) {
  if (user.role !== 'admin' || user.disabled_at) return;
  if ((await accounts.countEnabledWithRole('admin')) <= 1) {
    throw new AppError(
      'accounts.last_admin',
      409,
      `${user.email} is the only enabled administrator; make someone else an administrator first.`,
    );
  }
}

export async function changeRole(deps: AccountsDeps, userId: number, role: UserRole, context: ActionContext) {
  await deps.db.transaction().execute(async (trx) => {
    const accounts = createAccountsRepository({ db: trx });
    const user = await requireUser(accounts, userId);
    if (user.role === role) return;
    if (role !== 'admin') await keepAnAdmin(accounts, user);
    await accounts.updateUser(userId, { role, updated_at: deps.now().toISOString() });
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'user.role_changed',
      target: userTarget(user),
      details: { from: user.role, to: role },
    });
  });
}

/** Disables (or enables again) an account; disabling ends its sessions and retires its links. */
export async function setUserDisabled(
  deps: AccountsDeps,
  userId: number,
  disabled: boolean,
  context: ActionContext,
) {
  await deps.db.transaction().execute(async (trx) => {
    const accounts = createAccountsRepository({ db: trx });
    const user = await requireUser(accounts, userId);
    if (Boolean(user.disabled_at) === disabled) return;
    const now = deps.now().toISOString();
    let sessionsEnded = 0;
    if (disabled) {
      await keepAnAdmin(accounts, user);
      sessionsEnded = await accounts.deleteSessionsOfUser(userId);
      await accounts.retirePasswordTokens(userId, now);
    }
    await accounts.updateUser(userId, { disabled_at: disabled ? now : null, updated_at: now });
    await createAuditLog({ db: trx }).record({
      ...context,
      action: disabled ? 'user.disabled' : 'user.enabled',
      target: userTarget(user),
      details: disabled ? { sessionsEnded } : null,
    });
  });
}

/**
 * Ends sessions of a user: one (`sessionId`), or all of them except `keepSessionId`. A session ID that
 * belongs to someone else is treated as missing, so nobody can end a stranger's session by number.
 */
export async function revokeSessions(
  deps: AccountsDeps,
  userId: number,
  which: { sessionId: number } | { allExcept: number | undefined },
  context: ActionContext,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const accounts = createAccountsRepository({ db: trx });
    const user = await requireUser(accounts, userId);
    let ended: number;
    if ('sessionId' in which) {
      const session = await accounts.findSession(which.sessionId);
      if (!session || session.user_id !== userId) {
        throw new AppError('accounts.session_not_found', 404, 'That session has already ended.');
      }
      ended = await accounts.deleteSession(which.sessionId);
    } else {
      ended = await accounts.deleteSessionsOfUser(userId, which.allExcept);
    }
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'user.sessions_revoked',
      target: userTarget(user),
      details: 'sessionId' in which ? { sessionId: which.sessionId } : { sessionsEnded: ended },
    });
    return ended;
  });
}

/** Every account with its status, for administrators. */
export async function listUsers(deps: AccountsDeps) {
  const now = deps.now();
  const accounts = createAccountsRepository({ db: deps.db });
  const users = await accounts.listUsers(
    now.toISOString(),
    shiftMinutes(now, -deps.policy.sessionIdleMinutes),
  );
  return Promise.all(
    users.map(async (user) => ({
      ...user,
      status: userStatus(
        user,
        user.password_hash ? false : await accounts.hasPendingPasswordToken(user.id, now.toISOString()),
      ),
    })),
  );
}

export type UserStatus = 'active' | 'invited' | 'link_expired' | 'disabled';

export function userStatus(user: UserRow, hasPendingLink: boolean): UserStatus {
  if (user.disabled_at) return 'disabled';
  if (user.password_hash) return 'active';
  return hasPendingLink ? 'invited' : 'link_expired';
}

export async function findUser(deps: AccountsDeps, userId: number) {
  const accounts = createAccountsRepository({ db: deps.db });
  const user = await requireUser(accounts, userId);
  const pending = user.password_hash
    ? false
    : await accounts.hasPendingPasswordToken(user.id, deps.now().toISOString());
  return { ...user, status: userStatus(user, pending) };
}
