import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  PasswordTokenPurpose,
  PasswordTokensTable,
  SessionsTable,
  UserRole,
  UsersTable,
} from '../../database/tables.ts';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type PasswordTokenRow = Selectable<PasswordTokensTable>;

/** A user as the list of accounts shows it. */
export type UserSummary = UserRow & { activeSessions: number };

/** SQL for users, sessions, set-password links and failed sign-ins; no rules here, only storage. */
export function createAccountsRepository({ db }: { db: Kysely<Database> }) {
  return {
    // Users

    findUserById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findUserByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    async insertUser(row: Insertable<UsersTable>): Promise<number> {
      const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
      return inserted.id;
    },

    async updateUser(id: number, changes: Updateable<UsersTable>): Promise<void> {
      await db.updateTable('users').set(changes).where('id', '=', id).execute();
    },

    /** Every account with the number of its sessions still valid at `now`; admins first, then by e-mail. */
    async listUsers(now: string, idleCutoff: string): Promise<UserSummary[]> {
      const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
      const counts = await db
        .selectFrom('sessions')
        .select(['user_id', (eb) => eb.fn.countAll<number>().as('count')])
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleCutoff)
        .groupBy('user_id')
        .execute();
      const byUser = new Map(counts.map((row) => [row.user_id, Number(row.count)]));
      return users.map((user) => ({ ...user, activeSessions: byUser.get(user.id) ?? 0 }));
    },

    async countEnabledWithRole(role: UserRole): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('role', '=', role)
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    // Sessions

    async insertSession(row: Insertable<SessionsTable>): Promise<number> {
      const inserted = await db.insertInto('sessions').values(row).returning('id').executeTakeFirstOrThrow();
      return inserted.id;
    },

    findSessionByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
      return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    findSession(id: number): Promise<SessionRow | undefined> {
      return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async touchSession(id: number, at: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    /** Sessions of a user that are still valid, most recently used first. */
    listSessions(userId: number, now: string, idleCutoff: string): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleCutoff)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async deleteSession(id: number): Promise<number> {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Ends every session of a user, except `keepId` when given; returns how many ended. */
    async deleteSessionsOfUser(userId: number, keepId?: number): Promise<number> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepId !== undefined) query = query.where('id', '!=', keepId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpiredSessions(now: string, idleCutoff: string): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
        .execute();
    },

    // Set-password links

    async insertPasswordToken(row: Insertable<PasswordTokensTable>): Promise<void> {
      await db.insertInto('password_tokens').values(row).execute();
    },

    findPasswordToken(tokenHash: string): Promise<PasswordTokenRow | undefined> {
      return db
        .selectFrom('password_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /**
     * Marks a link used if, and only if, it is still unused and unexpired. The check and the write are
     * one statement, so two submissions racing with the same link cannot both succeed.
     */
    async consumePasswordToken(id: number, now: string): Promise<boolean> {
      const result = await db
        .updateTable('password_tokens')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Retires every unused link of a user, when a newer one replaces them or the account changes. */
    async retirePasswordTokens(userId: number, now: string, purpose?: PasswordTokenPurpose): Promise<void> {
      let query = db
        .updateTable('password_tokens')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('used_at', 'is', null);
      if (purpose) query = query.where('purpose', '=', purpose);
      await query.execute();
    },

    hasPendingPasswordToken(userId: number, now: string): Promise<boolean> {
      return db
        .selectFrom('password_tokens')
        .select('id')
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst()
        .then((row) => row !== undefined);
    },

    // Failed sign-ins

    async recordLoginFailure(accountKey: string, ip: string, at: string): Promise<void> {
      await db.insertInto('login_failures').values({ account_key: accountKey, ip, failed_at: at }).execute();
    },

    /** Times of failures since `since`, oldest first, for one account key or one IP address. */
    async loginFailureTimes(by: { accountKey: string } | { ip: string }, since: string): Promise<string[]> {
      let query = db.selectFrom('login_failures').select('failed_at').where('failed_at', '>', since);
      query =
        'accountKey' in by ? query.where('account_key', '=', by.accountKey) : query.where('ip', '=', by.ip);
      const rows = await query.orderBy('failed_at').execute();
      return rows.map((row) => row.failed_at);
    },

    async clearLoginFailures(accountKey: string): Promise<void> {
      await db.deleteFrom('login_failures').where('account_key', '=', accountKey).execute();
    },

    async pruneLoginFailures(before: string): Promise<void> {
      await db.deleteFrom('login_failures').where('failed_at', '<=', before).execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
