import type { Ledger } from '../../ledger/index.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Instant } from '../../core/brand.js';
import type { InquiryQueue } from '../inquiries/inquiry-queue.js';

/** More decisions than any subject gets in a year from the relying parties of a province; the lookback is 12 months. */
const DECISIONS_PER_SUBJECT = 100_000;

export interface NoticeDelivery {
  /**
   * Writes the correction notices of every queued correction or removal. One run at a time: a call
   * during a run waits for the next one, so what was committed before the call is always covered.
   */
  deliver(): Promise<number>;
}

/** Correction notices from the ledger's queued jobs and the inquiry log (flushed first, so no decision given is missed). */
export function noticeDelivery(ledger: Ledger, service: ServiceStore, inquiries: InquiryQueue, clock: () => Instant): NoticeDelivery {
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  const run = async (): Promise<number> => {
    await inquiries.drain();
    return ledger.dueProcess.deliverNotices((subjectId) => service.inquiriesAbout(subjectId, DECISIONS_PER_SUBJECT), clock());
  };
  const deliver = (): Promise<number> => {
    if (!running) {
      running = run().finally(() => { running = null; });
      return running;
    }
    next ??= running.catch(() => 0).then(() => {
      next = null;
      return deliver();
    });
    return next;
  };
  return { deliver };
}
