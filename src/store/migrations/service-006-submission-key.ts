import { sql, type Kysely } from 'kysely';

/**
 * The API key a submission came with, so a batch is attributed to a key and through it to whoever
 * controls that key (`api_keys.controlled_by`), not only to the furnisher. Null for submissions made
 * before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submissions add column key_id text`.execute(db);
}
