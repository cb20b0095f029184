import type { DecisionReason } from '../../core/decision/model.js';
import { dueProcessReads } from '../../store/due-process/due-process-tables.js';
import type { Store } from '../../store/store.js';

export type FlaggedReason = DecisionReason & { readonly statementExists?: true };

/**
 * Marks `statementExists: true` on each reason resting on a record the subject attached a statement
 * to; other reasons are left as they are. Nothing is read when no reason rests on records.
 */
export async function withStatementFlags(store: Store, reasons: readonly DecisionReason[]): Promise<readonly FlaggedReason[]> {
  const ids = reasons.flatMap((r) => r.recordIds);
  if (ids.length === 0) return reasons;
  const stated = new Set<string>((await store.read((tx) => dueProcessReads(tx.sql).statementsFor(ids))).map((s) => s.recordId));
  if (stated.size === 0) return reasons;
  return reasons.map((r) => (r.recordIds.some((id) => stated.has(id)) ? { ...r, statementExists: true } : r));
}
