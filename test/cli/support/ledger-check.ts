import { readFileSync } from 'node:fs';
import { openLedger } from '../../../src/ledger/index.js';
import { openStore } from '../../../src/store/open-store.js';

export interface LedgerCheck {
  /** Records furnished by the furnisher, and fulfilments of them. */
  readonly records: number;
  readonly fulfilled: number;
  /** Everything wrong: acknowledged records missing or stored twice, and what verifyIntegrity found. */
  readonly problems: readonly string[];
}

/** The furnisherRefs an importer acknowledged, from its fsync'd side file; a torn last line is ignored. */
export function readAcked(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  lines.pop(); // '' after the last newline, or a line the kill cut short
  return lines;
}

/**
 * What the crash test asserts after every restart: each acknowledged record is in the ledger exactly
 * once, the event sequence has no gap, and every stored standing equals the replay of its events.
 */
export async function checkLedger(dbUrl: string, furnisherId: string, acked: readonly string[]): Promise<LedgerCheck> {
  const store = await openStore(dbUrl);
  try {
    const ledger = await openLedger(store);
    const furnished = new Map<string, number>();
    let fulfilled = 0;
    for (let from = 1; ; ) {
      const page = await store.read((tx) => tx.events(from, 5000));
      for (const { event } of page) {
        if (event.type === 'record.furnished' && event.record.furnisherId === furnisherId) {
          furnished.set(event.record.furnisherRef, (furnished.get(event.record.furnisherRef) ?? 0) + 1);
        }
        if (event.type === 'record.fulfilled') fulfilled += 1;
      }
      const last = page.at(-1);
      if (last === undefined) break;
      from = last.seq + 1;
    }
    const problems: string[] = [];
    for (const ref of acked) if (furnished.get(ref) !== 1) problems.push(`acknowledged record ${ref} is in the ledger ${furnished.get(ref) ?? 0} times`);
    for (const [ref, n] of furnished) if (n > 1) problems.push(`record ${ref} was furnished ${n} times`);
    const integrity = await ledger.verifyIntegrity();
    problems.push(...integrity.problems.map((p) => `${p.kind}${p.subjectId === undefined ? '' : ` ${p.subjectId}`}: ${p.detail}`));
    return { records: furnished.size, fulfilled, problems };
  } finally {
    await store.close();
  }
}
