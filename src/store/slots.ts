import { slotValues, SLOT_COLUMNS, type Slot, type Value } from './columns.js';
import type { LedgerHead, StoredStanding } from './rows.js';

/** The head row as the stores read it: which rulebook version each standing slot holds. */
export interface HeadRow extends LedgerHead {
  readonly slotA: string | null;
  readonly slotB: string | null;
}

export const headFromRow = (r: Readonly<Record<string, unknown>>): HeadRow => ({
  nextSeq: Number(r.next_seq),
  currentRulebook: (r.current_rulebook as string | null) ?? null,
  stagingRulebook: (r.staging_rulebook as string | null) ?? null,
  slotA: (r.slot_a as string | null) ?? null,
  slotB: (r.slot_b as string | null) ?? null,
});

export function slotOf(head: HeadRow, version: string): Slot | undefined {
  if (head.slotA === version) return 'a';
  if (head.slotB === version) return 'b';
  return undefined;
}

export const otherSlot = (slot: Slot): Slot => (slot === 'a' ? 'b' : 'a');
export const slotVersion = (head: HeadRow, slot: Slot): string | null => (slot === 'a' ? head.slotA : head.slotB);

/**
 * Slots for the rulebooks in use: the current version keeps its slot, a new staging version takes
 * the free one. Rows whose slot holds another version are simply not standings under these versions.
 */
export function assignSlots(head: HeadRow, current: string | null, staging: string | null): { slotA: string | null; slotB: string | null } {
  const inUse = new Set([current, staging].filter((v) => v !== null));
  let a = head.slotA !== null && inUse.has(head.slotA) ? head.slotA : null;
  let b = head.slotB !== null && inUse.has(head.slotB) ? head.slotB : null;
  for (const v of inUse) {
    if (a === v || b === v) continue;
    if (a === null) a = v;
    else b = v;
  }
  return { slotA: a, slotB: b };
}

/** Both slots' columns, `a_…` then `b_…`, plus `next_change_at`, in the order `bothSlots` returns values. */
export const BOTH_SLOT_COLUMNS = [...SLOT_COLUMNS.map((c) => `a_${c}`), ...SLOT_COLUMNS.map((c) => `b_${c}`), 'next_change_at'] as const;

/**
 * Values for every slot column when `standings` cover each rulebook in use (a slot not in use gets
 * nulls), with the earliest next change among them; undefined when a version in use is missing.
 */
export function bothSlots(head: HeadRow, standings: readonly StoredStanding[]): Value[] | undefined {
  const values: Value[] = [];
  let next: number | null = null;
  for (const version of [head.slotA, head.slotB]) {
    const standing = version === null ? undefined : standings.find((x) => x.rulebookVersion === version);
    if (version !== null && !standing) return undefined;
    if (!standing) {
      values.push(...SLOT_COLUMNS.map(() => null));
      continue;
    }
    values.push(...slotValues(standing));
    if (standing.nextChangeAt !== null && (next === null || standing.nextChangeAt < next)) next = standing.nextChangeAt;
  }
  values.push(next);
  return values;
}
