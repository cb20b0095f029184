import type { Kysely } from 'kysely';

/**
 * Records no longer store the payload hash of their facts: it is derived from the facts (in the event
 * that furnished the record) whenever a furnisher ref is met again, so a new record costs no hash and
 * no 43-character column. The hash a resubmission is compared against is computed exactly as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').dropColumn('payload_hash').execute();
}
