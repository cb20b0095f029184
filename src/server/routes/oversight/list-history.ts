import type { Instant } from '../../../core/brand.js';
import { cstDayOf, endOfCstDay } from '../../../core/disputes/deadline.js';
import type { RecordState } from '../../../core/record.js';
import type { CompiledRulebook } from '../../../core/rulebook/compile-rulebook.js';
import { computeStanding, type SubjectRef } from '../../../core/standing/compute-standing.js';

const DAY = 86_400_000;

/** The instants a daily series is read at: the last moment of each of `days` CST days, today's being `now`. */
export function dayEnds(now: Instant, days: number): { readonly dates: readonly string[]; readonly instants: readonly Instant[] } {
  const today = cstDayOf(now);
  const dates: string[] = [];
  const instants: Instant[] = [];
  for (let day = today - days + 1; day <= today; day++) {
    dates.push(new Date(day * DAY).toISOString().slice(0, 10));
    instants.push(Math.min(endOfCstDay(day) - 1, now));
  }
  return { dates, instants };
}

/** Index of the first instant at or after `t` (instants ascending). */
function firstAtOrAfter(instants: readonly Instant[], t: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((instants[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ListHistory {
  /** Adds one subject: on each day its records (as they stand now) listed it, it counts once per list. */
  add(subject: SubjectRef, records: readonly RecordState[]): void;
  /** Per list id (record-entered lists only), the number of subjects on it at each instant. */
  counts(): ReadonlyMap<string, readonly number[]>;
}

/**
 * Daily list sizes under one rulebook, subject by subject. A subject's standing is computed at the
 * first instant and then at each instant it changes by itself (the standing's `nextChangeAt`: a listing
 * that starts, ends its term, is lifted by fulfilment or restoration), so every listing that overlaps
 * the window is seen with its exact start and end. Lists entered by grade have no term and are skipped.
 */
export function listHistory(rb: CompiledRulebook, instants: readonly Instant[]): ListHistory {
  const totals = new Map<string, number[]>();
  const first = instants[0];
  const last = instants.at(-1);
  return {
    add: (subject, records) => {
      if (first === undefined || last === undefined) return;
      const marks = new Map<string, Uint8Array>();
      for (let t: Instant | null = first; t !== null && t <= last;) {
        const standing = computeStanding(subject, records, rb, t);
        for (const m of standing.lists) {
          if (m.until === null) continue;
          let mark = marks.get(m.listId);
          if (!mark) marks.set(m.listId, (mark = new Uint8Array(instants.length)));
          for (let i = firstAtOrAfter(instants, m.since); i < instants.length && (instants[i] ?? Infinity) < m.until; i++) mark[i] = 1;
        }
        t = standing.nextChangeAt;
      }
      for (const [listId, mark] of marks) {
        let total = totals.get(listId);
        if (!total) totals.set(listId, (total = new Array<number>(instants.length).fill(0)));
        for (let i = 0; i < mark.length; i++) total[i] = (total[i] ?? 0) + (mark[i] ?? 0);
      }
    },
    counts: () => totals,
  };
}
