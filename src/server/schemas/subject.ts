import { Type, type Static } from '@sinclair/typebox';
import { Attributes, closed, IsoTime, Nullable, SubjectRefInput, SubjectView } from './common.js';
import { ReasonView } from './decision.js';
import { DisputeView } from './records.js';
import { CountingStateSchema, GradeSchema, StandingView } from './standing.js';

export const LoginBody = Type.Object({
  subject: SubjectRefInput,
  password: Type.String({ minLength: 1, maxLength: 200 }),
}, closed);
export type LoginBody = Static<typeof LoginBody>;

export const SessionView = Type.Object({
  token: Type.String({ description: 'Send as "Authorization: Bearer <token>", or rely on the credence_session cookie set with it' }),
  subjectId: Type.String(),
  expiresAt: IsoTime,
}, closed);

export const PasswordBody = Type.Object({
  current: Type.String({ minLength: 1, maxLength: 200 }),
  next: Type.String({ minLength: 12, maxLength: 200, description: 'At least 12 characters' }),
}, closed);
export type PasswordBody = Static<typeof PasswordBody>;

export const FileRecordView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  title: Type.String(),
  occurredAt: IsoTime,
  attributes: Attributes,
  legalBasis: Type.String(),
  furnisher: Type.Object({ id: Type.String(), name: Type.String() }, closed),
  status: Type.String({ description: 'active, fulfilled, corrected or retracted' }),
  fulfilledAt: Type.Optional(IsoTime),
  supersededBy: Nullable(Type.String()),
  dispute: Type.Optional(DisputeView),
  ruleId: Nullable(Type.String({ description: 'The rule of the rulebook the record matched' })),
  points: Type.Integer({ description: 'Points this record moves now' }),
  state: CountingStateSchema,
  until: Nullable(IsoTime),
}, closed);

export const InquiryView = Type.Object({
  decisionId: Type.String(),
  at: IsoTime,
  relyingParty: Type.Object({ id: Type.String(), name: Type.String() }, closed),
  action: Type.String(),
  purpose: Type.String(),
  outcome: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
  reasons: Type.Array(ReasonView),
}, closed);

export const FileReadView = Type.Object({
  at: IsoTime,
  operator: Type.Object({ id: Type.String(), name: Type.String() }, closed),
}, closed);

export const SubjectFileView = Type.Object({
  subject: SubjectView,
  standing: StandingView,
  records: Type.Array(FileRecordView),
  inquiries: Type.Array(InquiryView, { description: 'Who checked you, newest first' }),
  readBy: Type.Array(FileReadView, { description: 'Operators who opened your file (a lookup), newest first' }),
}, closed);

export const HistoryPoint = Type.Object({
  at: IsoTime,
  cause: Type.Union([Type.Literal('event'), Type.Literal('time'), Type.Literal('now')]),
  seq: Type.Optional(Type.Integer()),
  event: Type.Optional(Type.String()),
  recordId: Type.Optional(Type.String()),
  points: Type.Integer(),
  grade: GradeSchema,
  lists: Type.Array(Type.String()),
}, closed);

export const HistoryView = Type.Object({
  subjectId: Type.String(),
  rulebookVersion: Type.String({ description: 'Every point is computed under the rulebook in force now' }),
  points: Type.Array(HistoryPoint),
}, closed);
