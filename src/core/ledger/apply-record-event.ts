import type { RecordId, SubjectId } from '../brand.js';
import type { RecordState } from '../record.js';
import type { FurnishedRecord, SubjectEvent } from './ledger-event.js';

/** The state of a record the moment it is furnished. */
export function recordFromFurnished(subjectId: SubjectId, r: FurnishedRecord): RecordState {
  return {
    id: r.recordId,
    subjectId,
    type: r.type,
    occurredAt: r.occurredAt,
    attributes: r.attributes,
    legalBasis: r.legalBasis,
    ...(r.evidenceRef !== undefined ? { evidenceRef: r.evidenceRef } : {}),
    furnisherId: r.furnisherId,
    furnisherRef: r.furnisherRef,
    status: 'active',
    ...(r.consent !== undefined ? { consent: r.consent } : {}),
  };
}

/** The record an event is about: the furnished record's id, or the one it changes. */
export const eventRecordId = (e: SubjectEvent): RecordId => (e.type === 'record.furnished' ? e.record.recordId : e.recordId);

/**
 * One step of the fold: the state of a record after an event about it. `state` is undefined only
 * for `record.furnished`. For `record.corrected` this is the old record; the replacement starts
 * with `recordFromFurnished`. Throws on an event stream no ledger could have written.
 */
export function applyRecordEvent(state: RecordState | undefined, event: SubjectEvent): RecordState {
  if (event.type === 'record.furnished') {
    if (state !== undefined) throw new Error(`record ${event.record.recordId} furnished twice`);
    return recordFromFurnished(event.subjectId, event.record);
  }
  if (state === undefined) throw new Error(`${event.type} for unknown record ${event.recordId}`);
  if (state.id !== event.recordId || state.subjectId !== event.subjectId) {
    throw new Error(`${event.type} for ${event.recordId} applied to record ${state.id}`);
  }
  switch (event.type) {
    case 'record.fulfilled':
      return { ...state, status: 'fulfilled', fulfilledAt: event.fulfilledAt };
    case 'record.corrected':
      return { ...state, status: 'corrected' };
    case 'record.retracted':
      return { ...state, status: 'retracted' };
    case 'dispute.opened':
      if (state.dispute && state.dispute.closedAt === undefined) throw new Error(`dispute.opened on ${state.id}, which has an open dispute`);
      return { ...state, dispute: { openedAt: event.openedAt, verifyBy: event.verifyBy } };
    case 'dispute.answered': {
      if (!state.dispute || state.dispute.closedAt !== undefined) throw new Error(`dispute.answered without an open dispute on ${state.id}`);
      const verified = event.answer === 'confirmed' ? { verifiedAt: event.answeredAt } : {};
      return { ...state, dispute: { ...state.dispute, ...verified, closedAt: event.answeredAt } };
    }
    case 'restoration.decided':
      return event.outcome === 'granted' ? { ...state, restoredAt: event.decidedAt } : state;
    // Steps that change no fact of the record (the dispute's own state is folded in src/core/disputes).
    case 'dispute.appealed':
    case 'dispute.decided':
    case 'restoration.applied':
    case 'statement.attached':
      return state;
  }
}

/** A subject's records: the fold of its events in ledger order (corrections add their replacement). */
export function foldRecords(events: Iterable<SubjectEvent>): ReadonlyMap<RecordId, RecordState> {
  const records = new Map<RecordId, RecordState>();
  for (const event of events) {
    const id = eventRecordId(event);
    records.set(id, applyRecordEvent(records.get(id), event));
    if (event.type === 'record.corrected') {
      const next = event.replacement.recordId;
      records.set(next, applyRecordEvent(records.get(next), { type: 'record.furnished', subjectId: event.subjectId, record: event.replacement }));
    }
  }
  return records;
}
