import { sql, type Kysely } from 'kysely';

/**
 * The API key a check came with, so a decision is attributed to a key and not only to the relying
 * party: one party may hold a key per counter or branch, and when a key leaks, the checks made with
 * it can be told from the others. Null for inquiries recorded before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table inquiries add column key_id text`.execute(db);
}
