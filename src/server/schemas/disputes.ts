import { Type, type Static } from '@sinclair/typebox';
import { MAX_EVIDENCE_FILES, MAX_GROUNDS, MAX_STATEMENT } from '../../core/disputes/index.js';
import { closed, IsoTime, limitQuery, Nullable } from './common.js';
import { RecordIdString, RecordInput } from './records.js';

const text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const Party = Type.Object({ id: Type.String(), name: Type.String() }, closed);

export const EvidenceInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['receipt.pdf'] }),
  mediaType: Type.String({ minLength: 3, maxLength: 100, pattern: '^[a-z]+/[a-z0-9.+-]+$', examples: ['application/pdf'] }),
  contentBase64: Type.String({ minLength: 1, contentEncoding: 'base64', description: 'The file, base64; at most 5 MB once decoded' }),
}, closed);

export const OpenDisputeBody = Type.Object({
  grounds: text(MAX_GROUNDS, 'Why the record is wrong'),
  evidence: Type.Optional(Type.Array(EvidenceInput, { maxItems: MAX_EVIDENCE_FILES, description: 'Files stored by their SHA-256' })),
}, closed);
export type OpenDisputeBody = Static<typeof OpenDisputeBody>;

export const AnswerBody = Type.Object({
  answer: Type.Union([Type.Literal('confirmed'), Type.Literal('corrected'), Type.Literal('retracted')]),
  explanation: text(MAX_GROUNDS, 'What the subject is told: why the record stands, or what was wrong'),
  replacement: Type.Optional(RecordInput),
}, { ...closed, description: 'For `corrected`, `replacement` is the corrected record (its own furnisherRef); it supersedes the disputed one' });
export type AnswerBody = Static<typeof AnswerBody>;

export const AppealBody = Type.Object({ grounds: text(MAX_GROUNDS, 'Why the furnisher\'s answer is wrong') }, closed);
export type AppealBody = Static<typeof AppealBody>;

export const AppealDecisionBody = Type.Object({
  outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')], { description: 'upheld: the record stands; overturned: it is removed' }),
  reason: text(MAX_GROUNDS, 'The reasons for the decision, which the subject and the furnisher see'),
}, closed);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

export const StatementBody = Type.Object({ text: text(MAX_STATEMENT, 'Your statement; relying parties are told one exists') }, closed);
export type StatementBody = Static<typeof StatementBody>;

export const RestorationBody = Type.Object({
  recordId: RecordIdString,
  listId: Type.String({ minLength: 1, maxLength: 100, examples: ['admin-penalty-publicity'] }),
  grounds: text(MAX_GROUNDS, 'What was done to correct the conduct'),
}, closed);
export type RestorationBody = Static<typeof RestorationBody>;

export const RestorationDecisionBody = Type.Object({
  outcome: Type.Union([Type.Literal('granted'), Type.Literal('refused')]),
  reason: text(MAX_GROUNDS, 'The reasons for the decision'),
}, closed);
export type RestorationDecisionBody = Static<typeof RestorationDecisionBody>;

export const DisputeIdParams = Type.Object({ id: Type.String({ pattern: '^dsp_[0-9]{1,16}$' }) }, closed);
export type DisputeIdParams = Static<typeof DisputeIdParams>;
export const RestorationIdParams = Type.Object({ id: Type.String({ pattern: '^rst_[0-9]{1,16}$' }) }, closed);
export type RestorationIdParams = Static<typeof RestorationIdParams>;
export const EvidenceParams = Type.Object({ id: Type.String({ pattern: '^dsp_[0-9]{1,16}$' }), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, closed);
export type EvidenceParams = Static<typeof EvidenceParams>;

const EvidenceView = Type.Object({ sha256: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() }, closed);

export const NoticeSentView = Type.Object({
  noticeId: Type.String(),
  relyingParty: Party,
  at: IsoTime,
  recordId: Type.String(),
  change: Type.Union([Type.Literal('corrected'), Type.Literal('removed')]),
  decisions: Type.Integer({ description: 'How many of its decisions rested on the record' }),
}, closed);

export const TimelineStep = Type.Object({
  at: IsoTime,
  step: Type.Union(['opened', 'unverified', 'answered', 'appealed', 'decided', 'notified'].map((s) => Type.Literal(s))),
  by: Type.Optional(Type.String()),
  detail: Type.String(),
}, closed);

export const DisputeCaseView = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  subjectId: Type.String(),
  furnisher: Party,
  status: Type.Union(['open', 'unverified', 'confirmed', 'corrected', 'retracted', 'appealed', 'upheld', 'overturned'].map((s) => Type.Literal(s)), {
    description: 'unverified: open past the furnisher\'s deadline, so the record does not count',
  }),
  awaiting: Nullable(Type.Union([Type.Literal('furnisher'), Type.Literal('subject'), Type.Literal('operator')])),
  dueBy: Nullable(IsoTime),
  overdue: Type.Boolean(),
  grounds: Type.String(),
  evidence: Type.Array(EvidenceView),
  openedAt: IsoTime,
  verifyBy: IsoTime,
  answer: Type.Optional(Type.Object({
    kind: Type.Union([Type.Literal('confirmed'), Type.Literal('corrected'), Type.Literal('retracted')]),
    explanation: Type.String(), at: IsoTime, by: Type.String(), appealBy: IsoTime, replacementId: Type.Optional(Type.String()),
  }, closed)),
  appeal: Type.Optional(Type.Object({ grounds: Type.String(), at: IsoTime, decideBy: IsoTime }, closed)),
  decision: Type.Optional(Type.Object({
    outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]), reason: Type.String(), at: IsoTime, removedRecordId: Type.Optional(Type.String()),
  }, closed)),
  timeline: Type.Array(TimelineStep),
  notices: Type.Array(NoticeSentView, { description: 'Relying parties told about the correction or removal' }),
}, closed);

export const DisputeListView = Type.Object({ disputes: Type.Array(DisputeCaseView) }, closed);

export const StatementView = Type.Object({ recordId: Type.String(), text: Type.String(), attachedAt: IsoTime }, closed);
export const StatementListView = Type.Object({ statements: Type.Array(StatementView) }, closed);

export const RestorationView = Type.Object({
  id: Type.String(),
  subjectId: Type.String(),
  recordId: Type.String(),
  listId: Type.String(),
  grounds: Type.String(),
  appliedAt: IsoTime,
  decideBy: IsoTime,
  overdue: Type.Boolean(),
  decision: Type.Optional(Type.Object({ outcome: Type.Union([Type.Literal('granted'), Type.Literal('refused')]), reason: Type.String(), at: IsoTime }, closed)),
}, closed);
export const RestorationListView = Type.Object({ restorations: Type.Array(RestorationView) }, closed);

export const NoticeView = Type.Object({
  noticeId: Type.String(),
  at: IsoTime,
  subjectId: Type.String(),
  recordId: Type.String(),
  change: Type.Union([Type.Literal('corrected'), Type.Literal('removed')], { description: 'corrected: replacementId supersedes the record; removed: it no longer counts' }),
  replacementId: Nullable(Type.String()),
  disputeId: Nullable(Type.String()),
  decisions: Type.Array(Type.Object({
    decisionId: Type.String(), at: IsoTime, action: Type.String(), outcome: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
  }, closed), { description: 'Your decisions (last 12 months) that rested on the record' }),
}, closed);
export const NoticeListView = Type.Object({ notices: Type.Array(NoticeView), next: Nullable(Type.Integer({ description: 'Pass as `after` for the next page' })) }, closed);
export const noticesQuery = (maxPage: number, defaultPage: number) => Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'Notices after this cursor (from `next`)' })),
  limit: limitQuery(maxPage, defaultPage),
}, closed);
export type NoticesQuery = Static<ReturnType<typeof noticesQuery>>;

export const SubjectNoticeListView = Type.Object({ notices: Type.Array(NoticeSentView) }, closed);
