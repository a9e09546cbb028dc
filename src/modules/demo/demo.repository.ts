import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';

/** External IDs of demo records start with this, so a half-finished demo load can tell its own records apart. */
export const demoIdPrefix = 'demo/';

/** Progress of the demo load, kept in `site_state` so an interrupted load is finished on the next start. */
export const demoLoadStates = { loading: 1, loaded: 2 } as const;
const stateKey = 'demo_archive';

export function createDemoRepository({ db }: { db: Kysely<Database> }) {
  return {
    async countDocuments(): Promise<number> {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    /** Documents that are not demo records: anything an operator imported or wrote. */
    async countOtherDocuments(): Promise<number> {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where((eb) =>
          eb.or([eb('external_id', 'is', null), eb('external_id', 'not like', `${demoIdPrefix}%`)]),
        )
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    async readState(): Promise<number | undefined> {
      const row = await db
        .selectFrom('site_state')
        .select('value')
        .where('key', '=', stateKey)
        .executeTakeFirst();
      return row?.value;
    },

    async writeState(value: number): Promise<void> {
      await db
        .insertInto('site_state')
        .values({ key: stateKey, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}
