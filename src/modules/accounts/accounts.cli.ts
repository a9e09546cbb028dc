import { type Container, createContainer } from '../../app/container.ts';
import { AppError } from '../../app/errors.ts';
import type { Command, CommandContext } from '../../cli/commands.ts';
import type { AccountsDeps, ActionContext } from './accounts.context.ts';
import { accountsDeps } from './accounts.middleware.ts';
import { createAccountsRepository } from './accounts.repository.ts';
import { emailSchema, inviteSchema, roleSchema } from './accounts.schemas.ts';
import {
  changeRole,
  inviteUser,
  issuePasswordLink,
  listUsers,
  setUserDisabled,
} from './accounts.usecases.ts';
import { roleLabels } from './roles.ts';

export const userUsage = `Usage:
  chancery user add --email E --role admin|editor|contributor [--name "Full Name"]
  chancery user list
  chancery user link --email E          a new one-time set-password link (lost password)
  chancery user set-role --email E --role admin|editor|contributor
  chancery user disable --email E       also ends the account's sessions
  chancery user enable --email E
`;

type Output = { write: (text: string) => unknown };

/** Actions from the command line are logged as done by `cli`, from the machine itself. */
const cliContext: ActionContext = { actor: { id: null, label: 'cli' }, ip: null, userAgent: 'chancery cli' };

const linkUrl = (container: Container, token: string) =>
  `${container.config.baseUrl}/admin/set-password/${token}`;

async function userIdByEmail(deps: AccountsDeps, value: unknown): Promise<number> {
  const email = emailSchema.safeParse(value ?? '');
  if (!email.success)
    throw new AppError('accounts.invalid', 422, 'Give the account with --email name@example.org.');
  const user = await createAccountsRepository({ db: deps.db }).findUserByEmail(email.data);
  if (!user) throw new AppError('accounts.user_not_found', 404, `There is no account for ${email.data}.`);
  return user.id;
}

/** `chancery user ...`: the first administrator has to come from somewhere, and it is here. */
export function createUserCommand(
  io: { out: Output; err: Output } = { out: process.stdout, err: process.stderr },
) {
  const command: Command = async ({ config, args, options }: CommandContext) => {
    const [action] = args;
    if (!action || !['add', 'list', 'link', 'set-role', 'disable', 'enable'].includes(action)) {
      io.err.write(action ? `Unknown user command "${action}".\n\n${userUsage}` : userUsage);
      return 2;
    }
    const container = await createContainer(config);
    const deps = accountsDeps(container);
    try {
      switch (action) {
        case 'add': {
          const input = inviteSchema.safeParse({
            email: options.email ?? '',
            displayName: typeof options.name === 'string' ? options.name : undefined,
            role: options.role ?? '',
          });
          if (!input.success) {
            io.err.write(`${input.error.issues.map((i) => i.message).join('\n')}\n\n${userUsage}`);
            return 2;
          }
          const { link } = await inviteUser(deps, input.data, cliContext);
          io.out.write(
            `Created ${roleLabels[input.data.role].toLowerCase()} account ${input.data.email}.\n` +
              `Send this one-time link to set the password (valid until ${link.expiresAt}):\n` +
              `${linkUrl(container, link.token)}\n`,
          );
          return 0;
        }
        case 'list': {
          const users = await listUsers(deps);
          if (users.length === 0) io.out.write('No accounts yet. Create one with: chancery user add\n');
          for (const user of users) {
            io.out.write(
              `${user.email}\t${user.role}\t${user.status}\t${user.last_login_at ?? 'never signed in'}\n`,
            );
          }
          return 0;
        }
        case 'link': {
          const link = await issuePasswordLink(deps, await userIdByEmail(deps, options.email), cliContext);
          io.out.write(`One-time link (valid until ${link.expiresAt}):\n${linkUrl(container, link.token)}\n`);
          return 0;
        }
        case 'set-role': {
          const role = roleSchema.safeParse(options.role ?? '');
          if (!role.success) {
            io.err.write(`Give the new role with --role admin|editor|contributor.\n`);
            return 2;
          }
          await changeRole(deps, await userIdByEmail(deps, options.email), role.data, cliContext);
          io.out.write(`Role set to ${role.data}.\n`);
          return 0;
        }
        default: {
          const userId = await userIdByEmail(deps, options.email);
          await setUserDisabled(deps, userId, action === 'disable', cliContext);
          io.out.write(
            action === 'disable' ? 'Account disabled; its sessions ended.\n' : 'Account enabled.\n',
          );
          return 0;
        }
      }
    } catch (error) {
      if (error instanceof AppError) {
        io.err.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await container.close();
    }
  };
  return command;
}
