import type { Instant } from '../../core/brand.js';
import type { ErrorCode } from '../../core/errors.js';
import type { ImportTarget } from './import-target.js';
import type { LineContent } from './parse-ndjson-line.js';

/** One parsed line waiting in a batch. */
export type Pending = LineContent & { readonly lineNo: number; readonly raw: Buffer };

export interface BatchOutcome {
  readonly accepted: number;
  readonly duplicates: number;
  /** Fulfilments applied; a fulfilment already made counts as a duplicate. */
  readonly fulfilled: number;
  /** furnisherRefs of the records the ledger acknowledged (accepted or duplicate). */
  readonly acknowledged: readonly string[];
  readonly rejected: readonly { readonly entry: Pending; readonly code: ErrorCode; readonly reason: string; readonly furnisherRef: string | null }[];
}

/** Furnishes a batch's records in one call, then applies its fulfilments in line order (they may name records of this batch). */
export async function sendBatch(target: ImportTarget, furnisherId: string, batch: readonly Pending[], at: Instant): Promise<BatchOutcome> {
  const records = batch.filter((p) => p.kind === 'record');
  const rejected: BatchOutcome['rejected'][number][] = [];
  const acknowledged: string[] = [];
  let accepted = 0;
  let duplicates = 0;
  let fulfilled = 0;
  if (records.length > 0) {
    const result = await target.furnish(furnisherId, records.map((p) => p.value), at);
    for (const item of result.items) {
      const entry = records[item.index];
      if (entry === undefined) continue;
      if (item.status === 'rejected') rejected.push({ entry, code: item.code, reason: item.reason, furnisherRef: item.furnisherRef });
      else {
        acknowledged.push(item.furnisherRef);
        if (item.duplicate) duplicates += 1;
        else accepted += 1;
      }
    }
  }
  for (const entry of batch) {
    if (entry.kind !== 'fulfil') continue;
    const r = await target.fulfil(furnisherId, entry.furnisherRef, entry.fulfilledAt, at);
    if (r.status === 'rejected') rejected.push({ entry, code: r.code, reason: r.reason, furnisherRef: entry.furnisherRef });
    else if (r.duplicate) duplicates += 1;
    else fulfilled += 1;
  }
  rejected.sort((a, b) => a.entry.lineNo - b.entry.lineNo);
  return { accepted, duplicates, fulfilled, acknowledged, rejected };
}
