export type {
  AppealOutcome, ClientRole, ClientScope, DisputeAnswer, EvidenceRef, FurnishedRecord, RestorationOutcome, LedgerEvent, LedgerEventType, StoredEvent, SubjectEvent,
} from './ledger-event.js';
export { isSubjectEvent } from './ledger-event.js';
export { applyRecordEvent, eventRecordId, foldRecords, recordFromFurnished } from './apply-record-event.js';
export { canonicalJson } from './canonical-json.js';
