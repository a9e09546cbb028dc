import type { DialectName } from '../../../database/database.ts';
import type { SearchProvider } from '../search.provider.ts';
import { createPostgresProvider } from './postgres.ts';
import { createSqliteFts5Provider } from './sqlite-fts5.ts';

const providers: Record<DialectName, SearchProvider> = {
  sqlite: createSqliteFts5Provider(),
  postgres: createPostgresProvider(),
};

/**
 * The provider for a database: FTS5 on SQLite (the default), tsvector with a GIN index on
 * PostgreSQL. Chosen by dialect, so callers that hold a database need nothing more.
 */
export const searchProviderFor = (dialect: DialectName): SearchProvider => providers[dialect];
