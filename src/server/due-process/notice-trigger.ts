import type { Store, WriteTx } from '../../store/store.js';

/**
 * Wraps the ledger's store so that a transaction that corrected or retracted a record is followed,
 * once committed, by `afterCommit` (delivering its correction notices) before the write resolves.
 * A failure there is reported, not thrown: the change is committed, and its job stays queued.
 */
export function noticeTriggeringStore(store: Store, afterCommit: () => Promise<unknown>, onError: (e: unknown) => void): Store {
  return {
    ...store,
    read: (fn) => store.read(fn),
    close: () => store.close(),
    write: async (fn) => {
      let corrected = false;
      const result = await store.write((tx) => {
        corrected = false;
        const watched: WriteTx = {
          ...tx,
          appendEvents: async (events) => {
            if (events.some((e) => e.event.type === 'record.corrected' || e.event.type === 'record.retracted')) corrected = true;
            return tx.appendEvents(events);
          },
        };
        return fn(watched);
      });
      if (corrected) await afterCommit().catch(onError);
      return result;
    },
  };
}
