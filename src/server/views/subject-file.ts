import type { Instant, RecordId } from '../../core/brand.js';
import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import type { ExplanationLine } from '../../core/standing/model.js';
import { getRecordType } from '../../core/taxonomy/index.js';
import type { InquiryRow } from '../../store/service-store.js';
import type { ServerDeps } from '../server-deps.js';
import { iso, isoOrNull, type View } from '../schemas/common.js';
import type { SubjectFileView } from '../schemas/subject.js';
import { recordView } from './record-view.js';
import { standingView } from './standing-view.js';

const INQUIRIES = 500;
const READS = 500;

/**
 * Everything the registry holds about one subject, as the subject (or an operator) sees it: standing
 * with every record's rule and points, every inquiry about it with who asked, and who else opened it.
 */
export async function subjectFile(deps: ServerDeps, subject: ParsedIdentifier, at: Instant): Promise<View<typeof SubjectFileView>> {
  const { standing, records } = await deps.standings.current(subject, at, { withExplanation: true });
  const inquiries: readonly InquiryRow[] = await deps.service.inquiriesAbout(subject.subjectId, INQUIRIES);
  const reads = await deps.service.fileReadsOf(subject.subjectId, READS);
  const names = new Map((await deps.store.read((tx) => tx.clients())).map((c) => [c.id as string, c.name]));
  const lines = new Map<RecordId, ExplanationLine>(standing.explanation.map((l) => [l.recordId, l]));
  return {
    subject: {
      id: subject.subjectId, kind: subject.kind, scheme: subject.scheme, identifier: subject.identifier, region: subject.region,
      ...(subject.regionName ? { regionName: subject.regionName } : {}),
    },
    standing: standingView(standing),
    records: (records ?? []).map((r) => {
      const v = recordView(r);
      const line = lines.get(r.id);
      return {
        id: v.id, type: v.type, title: getRecordType(r.type)?.title ?? r.type, occurredAt: v.occurredAt, attributes: v.attributes,
        legalBasis: v.legalBasis, furnisher: { id: r.furnisherId, name: names.get(r.furnisherId) ?? r.furnisherId }, status: v.status,
        ...(v.fulfilledAt !== undefined ? { fulfilledAt: v.fulfilledAt } : {}), supersededBy: v.supersededBy,
        ...(v.dispute ? { dispute: v.dispute } : {}),
        ruleId: line?.ruleId ?? null, points: line?.points ?? 0, state: line?.state ?? 'no_rule', until: isoOrNull(line?.until),
      };
    }),
    inquiries: inquiries.map((q) => ({
      decisionId: q.id, at: iso(q.at), relyingParty: { id: q.clientId, name: names.get(q.clientId) ?? q.clientId }, action: q.action,
      purpose: q.purpose, outcome: q.outcome, reasons: q.reasons,
    })),
    readBy: reads.map((r) => ({ at: iso(r.at), operator: { id: r.clientId, name: names.get(r.clientId) ?? r.clientId } })),
  };
}
