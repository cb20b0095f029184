import { recordId, type RecordId } from '../core/brand.js';
import type { LedgerEvent } from '../core/ledger/ledger-event.js';

/**
 * A record's id is `rec_` and the sequence number of the event that furnished it: unique, stable,
 * and it keys the records table in append order.
 */
export const recordIdFromSeq = (seq: number): RecordId => recordId(`rec_${seq}`);

const RECORD_ID = /^rec_([1-9]\d{0,15})$/;

/** The sequence number behind a record id, or undefined when the text is not a record id. */
export function seqFromRecordId(id: string): number | undefined {
  const m = RECORD_ID.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** The record an event is about: its own seq for a furnishing, the changed record's otherwise. */
export function recordSeqOf(event: LedgerEvent, seq: number): number | null {
  if (event.subjectId === null) return null;
  if (event.type === 'record.furnished') return seq;
  return seqFromRecordId(event.recordId) ?? null;
}
