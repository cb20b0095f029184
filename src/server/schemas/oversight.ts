import { Type } from '@sinclair/typebox';
import { GRADES } from '../../core/rulebook/model.js';
import { closed, IsoTime } from './common.js';

const Count = Type.Integer({ minimum: 0 });
const IsoDate = Type.String({ format: 'date', description: 'A day in China Standard Time (UTC+8)' });

const SubjectCounts = Type.Object({
  total: Count,
  person: Count,
  organization: Count,
  public_body: Count,
  unrated: Type.Integer({ minimum: 0, description: 'Subjects with no stored standing under the rulebook in force yet' }),
}, closed);

const ListSize = Type.Object({
  listId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('black'), Type.Literal('red')]),
  byGrade: Type.Boolean({ description: 'Entered by grade rather than by records (such lists have no term and no daily series)' }),
  subjects: Count,
}, closed);

const ListHistory = Type.Object({
  days: Type.Array(IsoDate),
  series: Type.Array(Type.Object({ listId: Type.String(), subjects: Type.Array(Count, { description: 'One count per day of `days`' }) }, closed)),
}, {
  ...closed,
  description: 'Subjects on each record-entered list at the end of each day (today: now), as the records stand now and under the rulebook in force',
});

const ListHistorySkipped = Type.Object({
  skipped: Type.Literal(true),
  subjects: Type.Integer({ minimum: 0, description: 'More subjects than this had a listing record in the window' }),
  limit: Count,
}, { ...closed, description: 'The daily series was not computed: too many subjects had a listing record in the window' });

const ActionChecks = Type.Object({
  sector: Type.String({ description: 'From the rulebook in force; "unknown" for an action it no longer has' }),
  action: Type.String(),
  checks: Count,
  denials: Count,
}, closed);

const Disputes = Type.Object({
  since: IsoTime,
  opened: Type.Integer({ minimum: 0, description: 'Disputes opened since `since`' }),
  awaitingFurnisher: Type.Integer({ minimum: 0, description: 'Open, waiting for the furnisher\'s answer' }),
  awaitingOperator: Type.Integer({ minimum: 0, description: 'Appealed, waiting for an operator\'s decision' }),
  resolved: Type.Integer({ minimum: 0, description: 'Answered by the furnisher (and not appealed) or decided on appeal' }),
  overdueFurnisher: Type.Integer({ minimum: 0, description: 'Open past the furnisher\'s deadline (the record does not count meanwhile)' }),
  overdueOperator: Type.Integer({ minimum: 0, description: 'Appeals past the operator\'s deadline' }),
  restorationsPending: Count,
  restorationsOverdue: Count,
  restorationsDecided: Count,
}, closed);

/** Aggregates only: no subject, record or decision appears, only counts grouped by grade, list, action, phase or reason. */
export const OversightView = Type.Object({
  at: IsoTime,
  rulebookVersion: Type.String(),
  subjects: SubjectCounts,
  grades: Type.Array(Type.Object({ grade: Type.Union(GRADES.map((g) => Type.Literal(g))), subjects: Count }, closed)),
  lists: Type.Array(ListSize),
  listHistory: Type.Union([ListHistory, ListHistorySkipped]),
  checks: Type.Object({
    since: IsoTime,
    days: Count,
    total: Count,
    denials: Count,
    byAction: Type.Array(ActionChecks),
  }, { ...closed, description: 'Decisions given to relying parties in the last `days` days' }),
  disputes: Type.Optional(Disputes),
  rejections: Type.Array(Type.Object({ reason: Type.String({ description: 'The error code the item was refused with' }), items: Count }, closed), {
    description: 'Furnished items refused since the registry began, by reason',
  }),
}, { ...closed, description: 'Oversight figures: aggregates over the whole registry, no personal data' });
