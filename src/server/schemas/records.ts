import { Type, type Static } from '@sinclair/typebox';
import { MAX_BATCH } from '../../ledger/furnish-types.js';
import { Attributes, closed, IsoTime, Nullable, SubjectRefInput } from './common.js';

export const RecordInput = Type.Object({
  furnisherRef: Type.String({ minLength: 1, maxLength: 128, description: 'Your own id for the record: resubmitting it is idempotent' }),
  subject: SubjectRefInput,
  type: Type.String({ minLength: 1, maxLength: 100, description: 'A record type code of the taxonomy', examples: ['court.defaulter.refuses_to_perform'] }),
  occurredAt: Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601 date or date-time with offset', examples: ['2026-03-01'] }),
  attributes: Attributes,
  legalBasis: Type.String({ minLength: 1, maxLength: 1000 }),
  evidenceRef: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  consent: Type.Optional(Type.Boolean()),
  certified: Type.Optional(Type.Literal(true, {
    description: 'You certify the record is accurate although one of the same identity (subject, type, case number) was removed after a dispute; recorded with it',
  })),
}, closed);

export const BatchBody = Type.Object({
  records: Type.Array(RecordInput, { minItems: 1, description: `At most ${MAX_BATCH} records; a larger batch is refused with payload_too_large` }),
}, closed);
export type BatchBody = Static<typeof BatchBody>;

export const ItemResultView = Type.Object({
  index: Type.Integer(),
  furnisherRef: Nullable(Type.String()),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  recordId: Type.Optional(Type.String()),
  duplicate: Type.Optional(Type.Boolean()),
  code: Type.Optional(Type.String({ description: 'Error code (docs/errors.md) of a rejected item' })),
  reason: Type.Optional(Type.String()),
}, closed);

const expectedVersion = Type.Optional(Type.Integer({ minimum: 0, description: 'The subject version you last saw; a different one fails with version_conflict' }));
const reason = Type.String({ minLength: 1, maxLength: 1000 });

export const FulfilmentBody = Type.Object({
  fulfilledAt: Type.Optional(Type.String({ minLength: 10, maxLength: 40, description: 'When the subject performed (default: now)' })),
  expectedVersion,
}, closed);
export type FulfilmentBody = Static<typeof FulfilmentBody>;

export const CorrectionBody = Type.Object({ replacement: RecordInput, reason, expectedVersion }, closed);
export type CorrectionBody = Static<typeof CorrectionBody>;

export const RetractionBody = Type.Object({ reason, expectedVersion }, closed);
export type RetractionBody = Static<typeof RetractionBody>;

export const RecordChangeView = Type.Object({
  recordId: Type.String(),
  subjectId: Type.String(),
  status: Type.String(),
  version: Type.Optional(Type.Integer({ description: 'The subject version after the change (not given for a dispute answer)' })),
  replacementId: Type.Optional(Type.String()),
  disputeId: Type.Optional(Type.String({ description: 'For a dispute answer, the dispute answered' })),
  duplicate: Type.Boolean({ description: 'True when this exact change had been made already' }),
}, closed);

const submissionProperties = {
  submissionId: Type.String(),
  kind: Type.Union(['records', 'fulfilment', 'correction', 'retraction', 'dispute_answer'].map((k) => Type.Literal(k)), {
    description: 'A batch of records, a change of one record you furnished, or your answer to a dispute of one (its status: confirmed, corrected or retracted)',
  }),
  keyId: Nullable(Type.String({ description: 'The id of the API key it came with (null for submissions recorded before keys were noted)' })),
  at: IsoTime,
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
};

export const SubmissionView = Type.Object({
  ...submissionProperties,
  items: Type.Array(ItemResultView, { description: 'Each record of a batch (none for a record change)' }),
  change: Nullable(RecordChangeView), // the result of a record change; null for a batch
}, closed);

export const SubmissionSummary = Type.Object(submissionProperties, closed);

/** A record id as the routes take it (one pattern everywhere: an id that names no record is a 404, not a 400). */
export const RecordIdString = Type.String({ pattern: '^rec_[0-9a-z]{1,64}$' });
export const RecordIdParams = Type.Object({ id: RecordIdString }, closed);
export type RecordIdParams = Static<typeof RecordIdParams>;

export const DisputeView = Type.Object({
  openedAt: IsoTime,
  verifyBy: IsoTime,
  verifiedAt: Type.Optional(IsoTime),
  closedAt: Type.Optional(IsoTime),
}, closed);

/** A record as stored, with its lifecycle. */
export const RecordView = Type.Object({
  id: Type.String(),
  subjectId: Type.String(),
  type: Type.String(),
  occurredAt: IsoTime,
  attributes: Attributes,
  legalBasis: Type.String(),
  evidenceRef: Type.Optional(Type.String()),
  furnisherId: Type.String(),
  furnisherRef: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('fulfilled'), Type.Literal('corrected'), Type.Literal('retracted')]),
  fulfilledAt: Type.Optional(IsoTime),
  supersededBy: Nullable(Type.String()),
  consent: Type.Optional(Type.Boolean()),
  dispute: Type.Optional(DisputeView),
}, closed);
