import type { Instant } from '../../core/brand.js';
import type { Ledger } from '../../ledger/index.js';
import type { NoticeRow } from '../../store/due-process/due-process-rows.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { InquiryQueue } from '../inquiries/inquiry-queue.js';

/** More decisions than any subject gets in a year from the relying parties of a province; the lookback is 12 months. */
const DECISIONS_PER_SUBJECT = 100_000;

export type NoticeListener = (notice: NoticeRow) => void;

export interface NoticeDelivery {
  /**
   * Writes the correction notices of every queued correction or removal, then announces each to
   * its relying party's listeners. One run at a time: a call during a run waits for the next one,
   * so what was committed before the call is always covered. Resolves how many were written.
   */
  deliver(): Promise<number>;
  /** Listens for the notices of one relying party (its event streams); returns the unsubscribe. */
  subscribe(clientId: string, listener: NoticeListener): () => void;
}

/** Correction notices from the ledger's queued jobs and the inquiry log (flushed first, so no decision given is missed). */
export function noticeDelivery(ledger: Ledger, service: ServiceStore, inquiries: InquiryQueue, clock: () => Instant): NoticeDelivery {
  const listeners = new Map<string, Set<NoticeListener>>();
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  const run = async (): Promise<number> => {
    await inquiries.drain();
    const notices = await ledger.dueProcess.deliverNotices((subjectId) => service.inquiriesAbout(subjectId, DECISIONS_PER_SUBJECT), clock());
    for (const n of notices) for (const l of listeners.get(n.clientId) ?? []) l(n);
    return notices.length;
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
  return {
    deliver,
    subscribe: (clientId, listener) => {
      const own = listeners.get(clientId) ?? new Set<NoticeListener>();
      own.add(listener);
      listeners.set(clientId, own);
      return () => {
        own.delete(listener);
        if (own.size === 0) listeners.delete(clientId);
      };
    },
  };
}
