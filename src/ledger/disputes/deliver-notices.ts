import type { Instant, SubjectId } from '../../core/brand.js';
import { decisionsRestingOn, noticeWindowStart, type DecisionOnRecord } from '../../core/disputes/index.js';
import { dueProcessReads, dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { NoticeRow } from '../../store/due-process/due-process-rows.js';
import type { Store } from '../../store/store.js';

/** A recorded decision about a subject, as the inquiry log keeps it. */
export interface RecordedDecision extends DecisionOnRecord {
  readonly action: string;
  readonly outcome: 'allow' | 'deny';
}

/** The decisions given about a subject, from the inquiry log (which lives beside the ledger, not in it). */
export type DecisionsAbout = (subjectId: SubjectId) => Promise<readonly RecordedDecision[]>;

const JOBS_PER_RUN = 100;

/**
 * Turns queued corrections and removals into correction notices: one per relying party that received
 * a decision resting on the record in the 12 months before the change. Each job's notices and its
 * completion commit together, so a job interrupted half-way is simply done again. Resolves the
 * notices written.
 */
export async function deliverNotices(store: Store, decisionsAbout: DecisionsAbout, at: Instant): Promise<readonly NoticeRow[]> {
  const written: NoticeRow[] = [];
  for (;;) {
    const jobs = await store.read((tx) => dueProcessReads(tx.sql).pendingNoticeJobs(JOBS_PER_RUN));
    for (const job of jobs) {
      const byClient = decisionsRestingOn(await decisionsAbout(job.subjectId), job.recordId, noticeWindowStart(job.at), job.at);
      const notices: NoticeRow[] = [...byClient].map(([clientId, decisions], i) => ({
        id: `ntc_${job.seq}_${i + 1}`, jobSeq: job.seq, clientId, subjectId: job.subjectId, recordId: job.recordId, change: job.change,
        replacementId: job.replacementId, disputeId: job.disputeId, at: job.at,
        decisions: decisions.map((d) => ({ decisionId: d.id, at: d.at, action: d.action, outcome: d.outcome })),
      }));
      await store.write((tx) => dueProcessWrites(tx.sql).completeNoticeJob(job.seq, notices, at));
      written.push(...notices);
    }
    if (jobs.length < JOBS_PER_RUN) return written;
  }
}
