import { sql, type Kysely } from 'kysely';

/**
 * Who controls a key issued over the API: the client whose key issued it (through any chain of keys
 * issued with keys), or null for a key issued on the host (first start, the CLI, the demo), held by its
 * client alone. A rulebook review records the same of the key it was made with, so that a second
 * operator's approval can be told from the author's own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table api_keys add column controlled_by text`.execute(db);
  await sql`alter table rulebook_reviews add column controlled_by text`.execute(db);
}
