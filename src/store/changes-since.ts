import type { TxSqlRead } from './store.js';

/** What the writes committed from one sequence number on changed among some refs and subjects. */
export interface ChangesSince {
  /** The furnisher's records with these refs furnished from that number on. */
  readonly refs: readonly { readonly seq: number; readonly furnisherRef: string; readonly payloadHash: string }[];
  /** Those of these subjects that an event from that number on is about. */
  readonly subjectIds: readonly string[];
}

/**
 * Changes since `fromSeq` (a head's next sequence number read earlier), for a writer that read ahead
 * of its lock. It rests on two ledger rules: a record's seq is that of the event that furnished it,
 * and a subject's row and records change only with events about that subject (its version counts them).
 */
export async function changesSince(
  x: TxSqlRead, fromSeq: number, furnisherId: string, refs: readonly string[], subjectIds: readonly string[],
): Promise<ChangesSince> {
  const [refRows, subjectRows] = await Promise.all([
    refs.length === 0 ? [] : x.all(`select seq, furnisher_ref, payload_hash from records where seq >= ? and furnisher_id = ? and furnisher_ref ${x.inList}`,
      [fromSeq, furnisherId, refs]),
    subjectIds.length === 0 ? [] : x.all(`select distinct subject_id from events where seq >= ? and subject_id ${x.inList}`, [fromSeq, subjectIds]),
  ]);
  return {
    refs: refRows.map((r) => ({ seq: Number(r.seq), furnisherRef: String(r.furnisher_ref), payloadHash: String(r.payload_hash) })),
    subjectIds: subjectRows.map((r) => String(r.subject_id)),
  };
}
