import { sql, type Kysely } from 'kysely';

/**
 * A furnisher's submissions also list the record changes it made (fulfilment, correction, retraction),
 * each with the key it came with, so every change a key made to the ledger is attributed to it: `kind`
 * (null for a batch of records, as all submissions before this were) and the change's result as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submissions add column kind text`.execute(db);
  await sql`alter table submissions add column change text`.execute(db);
}
