import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read once, at start-up, from environment variables and command-line flags (flags win).
 * Every problem is collected and reported together so an operator fixes them in one go.
 */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  baseUrl: string;
  archiveName: string;
  archiveTagline: string;
  loadDemo: boolean;
  /** Render cache for public pages; off in tests that need to watch rendering itself. */
  pageCache: boolean;
  /**
   * Behind a reverse proxy, take the client's IP address (for sign-in throttling and the audit log)
   * from the last `X-Forwarded-For` entry; without a proxy that header is whatever the client says.
   */
  trustProxy: boolean;
  /** Run background jobs (scan processing, OCR) inside `chancery serve`; off when a separate `chancery worker` runs. */
  worker: boolean;
  /** How long a claimed job stays a worker's without a heartbeat before another worker may take it. */
  jobLeaseSeconds: number;
  /** Requests per minute one client IP may make to `/api` before it is answered 429. */
  apiRateLimit: number;
  /** The archive's contact address, published to harvesters (OAI-PMH Identify); may be empty. */
  adminEmail: string;
  /** Directories searched for Tesseract `.traineddata` files beyond the bundled English and Chinese. */
  ocrDataDirs: string[];
  /**
   * A directory of CSL style files (`.csl`) offered beside the built-in citation styles, e.g.
   * /usr/share/citation-style-language/styles from Debian's citation-style-language-styles; unset: none.
   */
  cslDir: string | undefined;
  /** Largest file staff may upload in the workspace, in megabytes (scans; texts have their own, smaller cap). */
  uploadLimitMb: number;
};

export type ConfigOverrides = Partial<{
  port: string;
  host: string;
  dataDir: string;
  databaseUrl: string;
  baseUrl: string;
  demo: boolean;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const portSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const databaseUrlSchema = z
  .string()
  .refine((value) => /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value), {
    message: 'must be sqlite:<path> or postgres://user@host:port/database',
  });

const baseUrlSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL such as https://archive.example.org')
  .transform((value) => value.replace(/\/+$/, ''));

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment, overrides: ConfigOverrides = {}): Config {
  const problems: string[] = [];

  function read<T>(label: string, schema: z.ZodType<T>, value: unknown): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(
      `${label} ${result.error.issues.map((issue) => issue.message).join('; ')} (got "${String(value)}")`,
    );
    return undefined;
  }

  const port = read('PORT / --port', portSchema, overrides.port ?? env.PORT ?? '3000');
  const host = overrides.host ?? env.HOST ?? '0.0.0.0';
  const dataDirInput = overrides.dataDir ?? env.CHANCERY_DATA_DIR ?? './data';
  if (dataDirInput.trim() === '') problems.push('CHANCERY_DATA_DIR / --data-dir must not be empty');
  const dataDir = path.resolve(dataDirInput);
  const databaseUrl = read(
    'DATABASE_URL / --database-url',
    databaseUrlSchema,
    overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'chancery.db')}`,
  );
  const baseUrl = read(
    'CHANCERY_BASE_URL',
    baseUrlSchema,
    overrides.baseUrl ?? env.CHANCERY_BASE_URL ?? `http://localhost:${port ?? 3000}`,
  );

  const worker = read(
    'CHANCERY_WORKER',
    z.enum(['on', 'off', '1', '0', 'true', 'false'], { error: 'must be on or off' }),
    env.CHANCERY_WORKER ?? 'on',
  );
  const jobLeaseSeconds = read(
    'CHANCERY_JOB_LEASE_SECONDS',
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(2).max(3600),
    env.CHANCERY_JOB_LEASE_SECONDS ?? '60',
  );

  const apiRateLimit = read(
    'CHANCERY_API_RATE_LIMIT',
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(1_000_000),
    env.CHANCERY_API_RATE_LIMIT ?? '600',
  );
  const adminEmail = read(
    'CHANCERY_ADMIN_EMAIL',
    z.union([z.literal(''), z.email({ error: 'must be an e-mail address' })]),
    env.CHANCERY_ADMIN_EMAIL ?? '',
  );

  const uploadLimitMb = read(
    'CHANCERY_UPLOAD_LIMIT_MB',
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(100_000),
    env.CHANCERY_UPLOAD_LIMIT_MB ?? '200',
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    host,
    dataDir,
    databaseUrl: databaseUrl!,
    baseUrl: baseUrl!,
    archiveName: env.CHANCERY_ARCHIVE_NAME ?? 'Chancery Digital Archive',
    archiveTagline: env.CHANCERY_ARCHIVE_TAGLINE ?? 'Declassified documents of international history',
    loadDemo: overrides.demo ?? false,
    pageCache: env.CHANCERY_PAGE_CACHE !== 'off',
    trustProxy: env.CHANCERY_TRUST_PROXY === '1' || env.CHANCERY_TRUST_PROXY === 'true',
    worker: worker === 'on' || worker === '1' || worker === 'true',
    jobLeaseSeconds: jobLeaseSeconds!,
    uploadLimitMb: uploadLimitMb!,
    apiRateLimit: apiRateLimit!,
    adminEmail: adminEmail ?? '',
    cslDir: env.CHANCERY_CSL_DIR?.trim() ? path.resolve(env.CHANCERY_CSL_DIR.trim()) : undefined,
    ocrDataDirs: env.CHANCERY_TESSDATA_DIRS
      ? env.CHANCERY_TESSDATA_DIRS.split(':').filter((dir) => dir.trim() !== '')
      : [
          '/usr/share/tesseract-ocr/5/tessdata',
          '/usr/share/tesseract-ocr/4.00/tessdata',
          '/usr/share/tessdata',
        ],
  };
}
