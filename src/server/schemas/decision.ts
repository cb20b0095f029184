import { Type, type Static } from '@sinclair/typebox';
import { closed, IsoTime, Nullable, SubjectRefInput } from './common.js';
import { GradeSchema } from './standing.js';

export const CheckBody = Type.Object({
  subject: SubjectRefInput,
  action: Type.String({ minLength: 1, maxLength: 80, description: 'An action of the rulebook', examples: ['aviation.ticket.purchase'] }),
  context: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 60 }), Type.Number(), Type.Boolean()]), {
    description: 'The action\'s context fields (e.g. cabin, trainType and seatClass, starRating), as the rulebook defines them',
    examples: [{ cabin: 'economy' }],
  })),
  purpose: Type.String({ minLength: 1, maxLength: 80, description: 'Why you ask; must be one of your client\'s purposes', examples: ['ticket-sale'] }),
}, closed);
export type CheckBody = Static<typeof CheckBody>;

export const ReasonView = Type.Object({
  measureId: Type.String(),
  effect: Type.Union([Type.Literal('deny'), Type.Literal('benefit')]),
  description: Type.String(),
  listId: Type.Optional(Type.String()),
  grade: Type.Optional(GradeSchema),
  recordIds: Type.Array(Type.String()),
  legalBasis: Type.String(),
  statementExists: Type.Optional(Type.Literal(true, { description: 'The subject attached a statement to a record this reason rests on' })),
}, closed);

const decisionProperties = {
  decisionId: Type.String(),
  at: IsoTime,
  subjectId: Type.String(),
  action: Type.String(),
  purpose: Type.String(),
  outcome: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
  benefits: Type.Array(Type.String()),
  reasons: Type.Array(ReasonView),
  rulebookVersion: Type.String(),
};

export const DecisionView = Type.Object(decisionProperties, closed);

/** A decision as recorded, with the API key it was asked with. */
export const RecordedDecisionView = Type.Object({
  ...decisionProperties,
  keyId: Nullable(Type.String({ description: 'The id of the API key the check came with (null for checks recorded before keys were noted)' })),
}, closed);

export const DecisionIdParams = Type.Object({ decisionId: Type.String({ pattern: '^dec_[0-9a-z]{26}$' }) }, closed);
export type DecisionIdParams = Static<typeof DecisionIdParams>;
