import { Type } from '@sinclair/typebox';
import { Attributes, closed, IsoTime } from './common.js';
import { ScopeSchema } from './clients.js';

/** Ledger events exactly as stored and hashed: instants are milliseconds since the epoch. */
const Ms = Type.Integer({ description: 'Milliseconds since the Unix epoch, UTC' });
const Kind = Type.Union([Type.Literal('person'), Type.Literal('organization'), Type.Literal('public_body')]);
const Role = Type.Union([Type.Literal('furnisher'), Type.Literal('relying_party'), Type.Literal('auditor'), Type.Literal('operator')]);

const FurnishedRecord = Type.Object({
  recordId: Type.String(),
  subjectKind: Kind,
  type: Type.String(),
  occurredAt: Ms,
  attributes: Attributes,
  legalBasis: Type.String(),
  evidenceRef: Type.Optional(Type.String()),
  furnisherId: Type.String(),
  furnisherRef: Type.String(),
  consent: Type.Optional(Type.Boolean()),
  certified: Type.Optional(Type.Boolean({ description: 'Furnished again, certified, after a record of the same identity was removed after a dispute' })),
}, closed);

const about = { subjectId: Type.String(), recordId: Type.String() };

export const LedgerEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('record.furnished'), subjectId: Type.String(), record: FurnishedRecord }, closed),
  Type.Object({ type: Type.Literal('record.fulfilled'), ...about, fulfilledAt: Ms }, closed),
  Type.Object({ type: Type.Literal('record.corrected'), ...about, replacement: FurnishedRecord, reason: Type.String() }, closed),
  Type.Object({ type: Type.Literal('record.retracted'), ...about, reason: Type.String() }, closed),
  Type.Object({
    type: Type.Literal('dispute.opened'), ...about, disputeId: Type.String(), openedAt: Ms, verifyBy: Ms, grounds: Type.String(),
    evidence: Type.Array(Type.Object({ sha256: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() }, closed)),
  }, closed),
  Type.Object({
    type: Type.Literal('dispute.answered'), ...about, disputeId: Type.String(), answer: Type.Union([Type.Literal('confirmed'), Type.Literal('corrected'), Type.Literal('retracted')]),
    explanation: Type.String(), answeredAt: Ms, appealBy: Ms, replacementId: Type.Optional(Type.String()),
  }, closed),
  Type.Object({ type: Type.Literal('dispute.appealed'), ...about, disputeId: Type.String(), grounds: Type.String(), appealedAt: Ms, decideBy: Ms }, closed),
  Type.Object({
    type: Type.Literal('dispute.decided'), ...about, disputeId: Type.String(), outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]),
    reason: Type.String(), decidedAt: Ms, removedRecordId: Type.Optional(Type.String()),
  }, closed),
  Type.Object({
    type: Type.Literal('restoration.applied'), ...about, restorationId: Type.String(), listId: Type.String(), grounds: Type.String(), appliedAt: Ms, decideBy: Ms,
  }, closed),
  Type.Object({
    type: Type.Literal('restoration.decided'), ...about, restorationId: Type.String(), outcome: Type.Union([Type.Literal('granted'), Type.Literal('refused')]),
    reason: Type.String(), decidedAt: Ms,
  }, closed),
  Type.Object({ type: Type.Literal('statement.attached'), ...about, text: Type.String(), attachedAt: Ms }, closed),
  Type.Object({ type: Type.Literal('rulebook.published'), subjectId: Type.Null(), version: Type.String(), sha256: Type.String() }, closed),
  Type.Object({
    type: Type.Literal('client.registered'), subjectId: Type.Null(), clientId: Type.String(), role: Role, name: Type.String(),
    furnisherKind: Type.Optional(Type.String()), scope: ScopeSchema,
  }, closed),
  Type.Object({ type: Type.Literal('client.revoked'), subjectId: Type.Null(), clientId: Type.String(), reason: Type.String() }, closed),
]);

export const StoredEventView = Type.Object({
  seq: Type.Integer({ description: 'Place in the gapless global sequence, from 1' }),
  recordedAt: IsoTime,
  actor: Type.String({ description: 'The client whose request caused the event' }),
  event: LedgerEventSchema,
}, closed);
