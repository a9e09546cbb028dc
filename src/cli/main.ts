import { parseArgs } from 'node:util';
import { ConfigError, type ConfigOverrides, loadConfig } from '../config/config.ts';
import { commands } from './commands.ts';

const usage = `Usage: chancery <command> [options]

Commands:
  serve [--port N] [--data-dir DIR] [--database-url URL] [--demo]   serve the archive
  migrate [--data-dir DIR] [--database-url URL]                     bring the database schema up to date
  import <file.json|file.jsonl> [--data-dir DIR] [--database-url URL]  import records
  export <file.jsonl> [--data-dir DIR] [--database-url URL]         export every record with its files
  reindex [--data-dir DIR] [--database-url URL]                     rebuild the search index from the records
  user add --email E --role admin|editor|contributor [--name N]      create a staff account, print its set-password link
  user list | link | set-role | disable | enable [--email E] [--role R]  manage staff accounts
  worker [--until-idle] [--data-dir DIR] [--database-url URL]     run background jobs (scans, OCR); --until-idle: drain the queue and exit
  jobs [status | retry | rescan]                                  the job queue: what runs and failed; retry failed jobs; queue every scan again

Environment: PORT, CHANCERY_DATA_DIR, DATABASE_URL, CHANCERY_BASE_URL, CHANCERY_WORKER=off (see README).
`;

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { command, positionals, values } = parsed;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  const overrides: ConfigOverrides = {
    port: values.port,
    dataDir: values['data-dir'],
    databaseUrl: values['database-url'],
    demo: values.demo,
  };
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return run({ config, args: positionals, options: values });
}

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      demo: { type: 'boolean' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'until-idle': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  return { command, positionals: rest, values };
}
