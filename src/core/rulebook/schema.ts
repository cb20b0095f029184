import { Type, type Static } from '@sinclair/typebox';
import { GRADES } from './model.js';
import { SUBJECT_KINDS } from '../subject.js';

/** The closed JSON schema of a rulebook document as written in YAML. Unknown keys are errors. */
const closed = { additionalProperties: false } as const;
const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 80 });
const Text = Type.String({ minLength: 1, maxLength: 2000 });
const DurationText = Type.String({ pattern: '^P(\\d+Y)?(\\d+M)?(\\d+D)?$', minLength: 3 });
const GradeName = Type.Union(GRADES.map((g) => Type.Literal(g)));
const SubjectKindName = Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)));
const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);

const ValueCondition = Type.Object({
  eq: Type.Optional(Scalar),
  in: Type.Optional(Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), { minItems: 1, maxItems: 100 })),
  gte: Type.Optional(Type.Number()),
  gt: Type.Optional(Type.Number()),
  lte: Type.Optional(Type.Number()),
  lt: Type.Optional(Type.Number()),
}, { ...closed, minProperties: 1 });
const Conditions = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), ValueCondition);

const PointRuleDoc = Type.Object({
  id: Id,
  type: Type.String({ minLength: 1, maxLength: 100 }),
  when: Type.Optional(Conditions),
  points: Type.Integer({ minimum: -1000, maximum: 1000 }),
  per: Type.Optional(Type.String({ minLength: 1 })),
  fulfilledPoints: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
  term: DurationText,
  cap: Type.Optional(Type.Integer({ minimum: -5000, maximum: 5000 })),
  suspendWhileDisputed: Type.Optional(Type.Boolean()),
  source: Text,
}, closed);

const ListDoc = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('black'), Type.Literal('red')]),
  name: Text,
  subjects: Type.Array(SubjectKindName, { minItems: 1, uniqueItems: true }),
  entry: Type.Object({
    types: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true })),
    when: Type.Optional(Conditions),
    grades: Type.Optional(Type.Array(GradeName, { minItems: 1, uniqueItems: true })),
  }, { ...closed, minProperties: 1 }),
  term: Type.Optional(DurationText),
  extension: Type.Optional(Type.Object({ attribute: Type.String({ minLength: 1 }), maxYears: Type.Integer({ minimum: 1, maximum: 3 }) }, closed)),
  exitOnFulfilment: Type.Boolean(),
  publicity: Type.Optional(Type.Object({ minimum: DurationText, maximum: DurationText }, closed)),
  source: Text,
}, closed);

const ContextFieldDoc = Type.Object({
  type: Type.Union([Type.Literal('enum'), Type.Literal('number'), Type.Literal('boolean')]),
  values: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, uniqueItems: true })),
  required: Type.Boolean(),
  description: Type.Optional(Text),
}, closed);

const ActionDoc = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 80 }),
  sector: Id,
  description: Text,
  context: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), ContextFieldDoc)),
}, closed);

const MeasureDoc = Type.Object({
  id: Id,
  action: Type.String({ minLength: 1 }),
  effect: Type.Union([Type.Literal('deny'), Type.Literal('benefit')]),
  benefit: Type.Optional(Id),
  when: Type.Object({
    list: Type.Optional(Id),
    grades: Type.Optional(Type.Array(GradeName, { minItems: 1, uniqueItems: true })),
    context: Type.Optional(Conditions),
    subjects: Type.Optional(Type.Array(SubjectKindName, { minItems: 1, uniqueItems: true })),
  }, closed),
  kind: Type.Union([Type.Literal('discipline'), Type.Literal('incentive')]),
  description: Text,
  legalBasis: Text,
  source: Text,
}, closed);

const DisputeDays = Type.Integer({ minimum: 1, maximum: 90 });
const DisputesDoc = Type.Object({
  verifyWithinDays: DisputeDays,
  workingDays: Type.Boolean(),
  perType: Type.Optional(Type.Record(Type.String(), Type.Object({ verifyWithinDays: DisputeDays, workingDays: Type.Boolean() }, closed))),
  source: Text,
}, closed);

export const RulebookDocument = Type.Object({
  version: Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$', maxLength: 40 }),
  title: Text,
  grading: Type.Object({
    base: Type.Integer({ minimum: 0, maximum: 100000 }),
    bands: Type.Array(Type.Object({ grade: GradeName, min: Type.Optional(Type.Integer()) }, closed), { minItems: 6, maxItems: 6 }),
    source: Text,
  }, closed),
  rules: Type.Array(PointRuleDoc, { maxItems: 2000 }),
  lists: Type.Array(ListDoc, { maxItems: 200 }),
  actions: Type.Array(ActionDoc, { minItems: 1, maxItems: 500 }),
  measures: Type.Array(MeasureDoc, { maxItems: 2000 }),
  disputes: DisputesDoc,
}, closed);

export type RulebookDocument = Static<typeof RulebookDocument>;
