import { databaseKinds } from '../../../test/support/databases.ts';
import { describeSearchContract } from './search.contract.ts';

// SQLite FTS5 always; PostgreSQL too when CHANCERY_TEST_DATABASE_URL names a server.
for (const kind of databaseKinds()) describeSearchContract(kind);
