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
}, closed);

const about = { subjectId: Type.String(), recordId: Type.String() };

export const LedgerEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('record.furnished'), subjectId: Type.String(), record: FurnishedRecord }, closed),
  Type.Object({ type: Type.Literal('record.fulfilled'), ...about, fulfilledAt: Ms }, closed),
  Type.Object({ type: Type.Literal('record.corrected'), ...about, replacement: FurnishedRecord, reason: Type.String() }, closed),
  Type.Object({ type: Type.Literal('record.retracted'), ...about, reason: Type.String() }, closed),
  Type.Object({ type: Type.Literal('dispute.opened'), ...about, openedAt: Ms, verifyBy: Ms, statement: Type.String() }, closed),
  Type.Object({ type: Type.Literal('dispute.answered'), ...about, verifiedAt: Ms, answer: Type.String() }, closed),
  Type.Object({ type: Type.Literal('dispute.closed'), ...about, closedAt: Ms, outcome: Type.String() }, closed),
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
