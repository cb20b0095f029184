import { Type } from '@sinclair/typebox';
import { GRADES } from '../../core/rulebook/model.js';
import { closed, IsoTime, Nullable } from './common.js';

export const GradeSchema = Type.Union(GRADES.map((g) => Type.Literal(g)));

export const ListMembershipView = Type.Object({
  listId: Type.String(),
  kind: Type.Union([Type.Literal('black'), Type.Literal('red')]),
  since: IsoTime,
  until: Nullable(IsoTime),
  recordIds: Type.Array(Type.String(), { description: 'The records that put the subject on the list' }),
}, closed);

export const MeasureView = Type.Object({
  measureId: Type.String(),
  action: Type.String(),
  effect: Type.Union([Type.Literal('deny'), Type.Literal('benefit')]),
  benefit: Type.Optional(Type.String()),
  conditional: Type.Boolean({ description: 'True when the measure also depends on the context of a check' }),
}, closed);

export const StandingView = Type.Object({
  rulebookVersion: Type.String(),
  at: IsoTime,
  points: Type.Integer(),
  grade: GradeSchema,
  lists: Type.Array(ListMembershipView),
  measures: Type.Array(MeasureView),
  nextChangeAt: Nullable(IsoTime),
}, closed);

export const CountingStateSchema = Type.Union([
  'counted', 'expired', 'not_yet', 'fulfilled', 'retracted', 'corrected', 'no_consent', 'dispute_unverified', 'dispute_open', 'no_rule', 'capped',
].map((s) => Type.Literal(s)));
