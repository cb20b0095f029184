import type { StoredRecord } from '../../store/rows.js';
import { iso, type View } from '../schemas/common.js';
import type { RecordView } from '../schemas/records.js';

export function recordView(r: StoredRecord): View<typeof RecordView> {
  return {
    id: r.id,
    subjectId: r.subjectId,
    type: r.type,
    occurredAt: iso(r.occurredAt),
    attributes: r.attributes,
    legalBasis: r.legalBasis,
    ...(r.evidenceRef !== undefined ? { evidenceRef: r.evidenceRef } : {}),
    furnisherId: r.furnisherId,
    furnisherRef: r.furnisherRef,
    status: r.status,
    ...(r.fulfilledAt !== undefined ? { fulfilledAt: iso(r.fulfilledAt) } : {}),
    supersededBy: r.supersededBy,
    ...(r.consent !== undefined ? { consent: r.consent } : {}),
    ...(r.dispute
      ? {
        dispute: {
          openedAt: iso(r.dispute.openedAt),
          verifyBy: iso(r.dispute.verifyBy),
          ...(r.dispute.verifiedAt !== undefined ? { verifiedAt: iso(r.dispute.verifiedAt) } : {}),
          ...(r.dispute.closedAt !== undefined ? { closedAt: iso(r.dispute.closedAt) } : {}),
        },
      }
      : {}),
  };
}
