import type { Instant } from '../../core/brand.js';
import { disputeStatusAt, type Restoration } from '../../core/disputes/index.js';
import type { DisputeRow, NoticeRow } from '../../store/due-process/due-process-rows.js';
import { iso, isoOrNull, type View } from '../schemas/common.js';
import type { DisputeCaseView, NoticeSentView, NoticeView, RestorationView, TimelineStep } from '../schemas/disputes.js';

type Names = ReadonlyMap<string, string>;
const party = (id: string, names: Names) => ({ id, name: names.get(id) ?? id });

export const noticeSentView = (n: NoticeRow, names: Names): View<typeof NoticeSentView> => ({
  noticeId: n.id, relyingParty: party(n.clientId, names), at: iso(n.at), recordId: n.recordId, change: n.change, decisions: n.decisions.length,
});

/** A notice as its relying party reads it (GET /v1/notices and the event stream). */
export const noticeView = (n: NoticeRow): View<typeof NoticeView> => ({
  noticeId: n.id, at: iso(n.at), subjectId: n.subjectId, recordId: n.recordId, change: n.change, replacementId: n.replacementId, disputeId: n.disputeId,
  decisions: n.decisions.map((d) => ({ decisionId: d.decisionId, at: iso(d.at), action: d.action, outcome: d.outcome })),
});

const ANSWERED = { confirmed: 'confirmed the record', corrected: 'corrected the record', retracted: 'retracted the record' } as const;

/** A dispute with its status at `at`, every step in time order, and the relying parties told of its outcome. */
export function disputeCaseView({ dispute: d, furnisherId }: DisputeRow, at: Instant, names: Names, notices: readonly NoticeRow[]): View<typeof DisputeCaseView> {
  const status = disputeStatusAt(d, at);
  const mine = notices.filter((n) => n.disputeId === d.id);
  const steps: View<typeof TimelineStep>[] = [{ at: iso(d.openedAt), step: 'opened', by: d.subjectId, detail: `Disputed: ${d.grounds}` }];
  if ((!d.answer && at >= d.verifyBy) || (d.answer && d.answer.at > d.verifyBy)) {
    steps.push({ at: iso(d.verifyBy), step: 'unverified', detail: 'Not answered by the deadline: the record stopped counting until the furnisher answers' });
  }
  if (d.answer) steps.push({ at: iso(d.answer.at), step: 'answered', by: d.answer.by, detail: `The furnisher ${ANSWERED[d.answer.kind]}: ${d.answer.explanation}` });
  if (d.appeal) steps.push({ at: iso(d.appeal.at), step: 'appealed', by: d.subjectId, detail: `Appealed to the operator: ${d.appeal.grounds}` });
  if (d.decision) {
    const outcome = d.decision.outcome === 'upheld' ? 'upheld the furnisher\'s answer' : 'decided for the subject: the record is removed';
    steps.push({ at: iso(d.decision.at), step: 'decided', by: d.decision.by, detail: `The operator ${outcome}: ${d.decision.reason}` });
  }
  for (const n of mine) steps.push({ at: iso(n.at), step: 'notified', by: n.clientId, detail: `Correction notice sent to ${names.get(n.clientId) ?? n.clientId}` });
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    id: d.id, recordId: d.recordId, subjectId: d.subjectId, furnisher: party(furnisherId, names),
    status: status.status, awaiting: status.awaiting, dueBy: isoOrNull(status.dueBy), overdue: status.overdue,
    grounds: d.grounds, evidence: d.evidence, openedAt: iso(d.openedAt), verifyBy: iso(d.verifyBy),
    ...(d.answer ? {
      answer: {
        kind: d.answer.kind, explanation: d.answer.explanation, at: iso(d.answer.at), by: d.answer.by, appealBy: iso(d.answer.appealBy),
        ...(d.answer.replacementId !== undefined ? { replacementId: d.answer.replacementId } : {}),
      },
    } : {}),
    ...(d.appeal ? { appeal: { grounds: d.appeal.grounds, at: iso(d.appeal.at), decideBy: iso(d.appeal.decideBy) } } : {}),
    ...(d.decision ? {
      decision: {
        outcome: d.decision.outcome, reason: d.decision.reason, at: iso(d.decision.at),
        ...(d.decision.removedRecordId !== undefined ? { removedRecordId: d.decision.removedRecordId } : {}),
      },
    } : {}),
    timeline: steps,
    notices: mine.map((n) => noticeSentView(n, names)),
  };
}

export const restorationView = (r: Restoration, at: Instant): View<typeof RestorationView> => ({
  id: r.id, subjectId: r.subjectId, recordId: r.recordId, listId: r.listId, grounds: r.grounds, appliedAt: iso(r.appliedAt), decideBy: iso(r.decideBy),
  overdue: !r.decision && at >= r.decideBy,
  ...(r.decision ? { decision: { outcome: r.decision.outcome, reason: r.decision.reason, at: iso(r.decision.at) } } : {}),
});
