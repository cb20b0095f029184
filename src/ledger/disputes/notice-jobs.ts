import { reinsertionKey } from '../../core/disputes/index.js';
import type { StoredEvent } from '../../core/ledger/ledger-event.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { WriteTx } from '../../store/store.js';

/**
 * Runs in every transaction that appends events (before the records they change are rewritten):
 * each correction or retraction queues a correction-notice job, and a record removed after a
 * dispute leaves its identity behind so it cannot be furnished again without certification.
 */
export async function queueDueProcessJobs(tx: WriteTx, stored: readonly StoredEvent[]): Promise<void> {
  for (let i = 0; i < stored.length; i++) {
    const s = stored[i] as StoredEvent;
    const e = s.event;
    if (e.type !== 'record.corrected' && e.type !== 'record.retracted') continue;
    const before = stored[i - 1]?.event;
    const disputeId = before && (before.type === 'dispute.answered' || before.type === 'dispute.decided') && before.subjectId === e.subjectId ? before.disputeId : null;
    const dp = dueProcessWrites(tx.sql);
    await dp.addNoticeJob({
      seq: s.seq, subjectId: e.subjectId, recordId: e.recordId, change: e.type === 'record.corrected' ? 'corrected' : 'removed',
      replacementId: e.type === 'record.corrected' ? e.replacement.recordId : null, disputeId, at: s.recordedAt,
    });
    const [record] = await tx.records([e.recordId]);
    if (record?.dispute) await dp.addRemovedIdentity(e.subjectId, reinsertionKey(record), e.recordId, s.recordedAt);
  }
}
