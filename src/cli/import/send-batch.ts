import type { Instant } from '../../core/brand.js';
import type { ErrorCode } from '../../core/errors.js';
import type { BatchResult } from '../../ledger/furnish-types.js';
import { MAX_BATCH, MAX_BATCHES_PER_COMMIT } from '../../ledger/furnish-types.js';
import type { FulfilResult, ImportTarget } from './import-target.js';
import type { LineContent } from './parse-ndjson-line.js';

/** One parsed line waiting in a batch. */
export type Pending = LineContent & { readonly lineNo: number; readonly raw: Buffer };
type FulfilPending = Extract<Pending, { kind: 'fulfil' }>;

export interface BatchOutcome {
  readonly accepted: number;
  readonly duplicates: number;
  /** Fulfilments applied; a fulfilment already made counts as a duplicate. */
  readonly fulfilled: number;
  /** furnisherRefs of the records the ledger acknowledged (accepted or duplicate). */
  readonly acknowledged: readonly string[];
  readonly rejected: readonly { readonly entry: Pending; readonly code: ErrorCode; readonly reason: string; readonly furnisherRef: string | null }[];
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The records in batches of `batchSize`: up to 20 batches per commit when the target takes several, else one by one. */
async function furnishAll(target: ImportTarget, furnisherId: string, records: readonly Pending[], batchSize: number, at: Instant): Promise<BatchResult[]> {
  const batches = chunks(records.map((p) => (p.kind === 'record' ? p.value : null)), batchSize);
  const results: BatchResult[] = [];
  if (target.furnishMany) {
    for (const group of chunks(batches, MAX_BATCHES_PER_COMMIT)) results.push(...await target.furnishMany(furnisherId, group, at));
  } else {
    for (const batch of batches) results.push(await target.furnish(furnisherId, batch, at));
  }
  return results;
}

/** The fulfilments in line order: up to 1,000 per commit when the target takes several, else one by one. */
async function fulfilAll(target: ImportTarget, furnisherId: string, lines: readonly FulfilPending[], at: Instant): Promise<FulfilResult[]> {
  const results: FulfilResult[] = [];
  for (const chunk of chunks(lines, target.fulfilMany ? MAX_BATCH : 1)) {
    if (target.fulfilMany) results.push(...await target.fulfilMany(furnisherId, chunk, at));
    else for (const e of chunk) results.push(await target.fulfil(furnisherId, e.furnisherRef, e.fulfilledAt, at));
  }
  return results;
}

/**
 * Furnishes the records of a group of lines (in batches of `batchSize`), then applies its fulfilments
 * in line order (they may name records of this group). Resolves once everything is durable.
 */
export async function sendBatch(target: ImportTarget, furnisherId: string, batch: readonly Pending[], at: Instant, batchSize = MAX_BATCH): Promise<BatchOutcome> {
  const records = batch.filter((p) => p.kind === 'record');
  const rejected: BatchOutcome['rejected'][number][] = [];
  const acknowledged: string[] = [];
  let accepted = 0;
  let duplicates = 0;
  let fulfilled = 0;
  const results = records.length > 0 ? await furnishAll(target, furnisherId, records, batchSize, at) : [];
  results.forEach((result, b) => {
    for (const item of result.items) {
      const entry = records[b * batchSize + item.index];
      if (entry === undefined) continue;
      if (item.status === 'rejected') rejected.push({ entry, code: item.code, reason: item.reason, furnisherRef: item.furnisherRef });
      else {
        acknowledged.push(item.furnisherRef);
        if (item.duplicate) duplicates += 1;
        else accepted += 1;
      }
    }
  });
  const fulfilments = batch.filter((p): p is FulfilPending => p.kind === 'fulfil');
  const outcomes = fulfilments.length > 0 ? await fulfilAll(target, furnisherId, fulfilments, at) : [];
  outcomes.forEach((r, i) => {
    const entry = fulfilments[i];
    if (entry === undefined) return;
    if (r.status === 'rejected') rejected.push({ entry, code: r.code, reason: r.reason, furnisherRef: entry.furnisherRef });
    else if (r.duplicate) duplicates += 1;
    else fulfilled += 1;
  });
  rejected.sort((a, b) => a.entry.lineNo - b.entry.lineNo);
  return { accepted, duplicates, fulfilled, acknowledged, rejected };
}
