import type { Instant, RecordId } from '../brand.js';
import { addDuration } from '../duration.js';

/** Relying parties are told about the decisions they received in the 12 months before a record changed. */
export const noticeWindowStart = (changedAt: Instant): Instant => addDuration(changedAt, { years: -1, months: 0, days: 0 });

/** What a correction notice needs to know of a recorded decision. */
export interface DecisionOnRecord {
  readonly id: string;
  readonly clientId: string;
  readonly at: Instant;
  readonly reasons: readonly { readonly recordIds: readonly string[] }[];
}

/**
 * The decisions given in [since, until] that rested on the record (one of their reasons names it),
 * grouped by the relying party that received them, in order of first decision.
 */
export function decisionsRestingOn<D extends DecisionOnRecord>(
  decisions: readonly D[], recordId: RecordId, since: Instant, until: Instant,
): ReadonlyMap<string, readonly D[]> {
  const byClient = new Map<string, D[]>();
  const ordered = [...decisions].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const d of ordered) {
    if (d.at < since || d.at > until || !d.reasons.some((r) => r.recordIds.includes(recordId))) continue;
    const own = byClient.get(d.clientId);
    if (own) own.push(d);
    else byClient.set(d.clientId, [d]);
  }
  return byClient;
}
