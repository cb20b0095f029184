import type { Instant, SubjectId } from '../../core/brand.js';

/** Where a read's snapshot stands: the ledger position and rulebook it saw, and the cache's write count when it began. */
export interface CacheTicket {
  readonly seq: number;
  readonly version: string;
  readonly writes: number;
}

export interface StandingCache<V> {
  /** The number of this process's writes so far; take it right before the read's snapshot is taken. */
  writes(): number;
  /**
   * The snapshot's head (next ledger seq, rulebook in force). A head the cache has not seen (a write by
   * another process, or a new rulebook) empties it. Null when the snapshot is older than what the cache
   * already holds: the read must then neither use nor fill it.
   */
  open(writes: number, seq: number, version: string): CacheTicket | null;
  /** The answer for a subject at `at`, if one is held and still holds at `at`. */
  get(ticket: CacheTicket, subject: SubjectId, at: Instant): V | undefined;
  /** Keeps an answer read under `ticket`, good from `from` until `until` (exclusive; null: no end), unless anything was written since. */
  put(ticket: CacheTicket, subject: SubjectId, value: V, from: Instant, until: Instant | null): void;
  /**
   * A write of this process committed, moving the ledger from seq `before` to `after`: the subjects it
   * wrote standings for are dropped, or everything when it changed the rulebooks (`subjects` null).
   */
  committed(before: number, after: number, subjects: ReadonlySet<SubjectId> | null): void;
  readonly stats: () => { readonly size: number; readonly hits: number; readonly misses: number };
}

interface Entry<V> {
  readonly value: V;
  readonly from: Instant;
  readonly until: Instant | null;
}

/**
 * Standings of recently checked subjects, in memory, so that a check needs no read of its own. An
 * entry is only as good as the ledger position it was read at: every write of this process drops the
 * subjects it touched, and a head moved by anyone else (another process on the same database) empties
 * the cache. Bounded: past `capacity` the oldest entries go first.
 */
export function standingCache<V>(capacity: number): StandingCache<V> {
  const entries = new Map<SubjectId, Entry<V>>();
  let seq: number | null = null;
  let version: string | null = null;
  let writes = 0;
  let hits = 0;
  let misses = 0;

  const reset = (): void => {
    entries.clear();
    seq = null;
    version = null;
  };

  return {
    writes: () => writes,
    open: (w, s, v) => {
      if (seq !== null && s < seq) return null;
      if (s !== seq || v !== version) {
        entries.clear();
        seq = s;
        version = v;
      }
      return { seq: s, version: v, writes: w };
    },
    get: (ticket, subject, at) => {
      const e = ticket.seq === seq && ticket.version === version ? entries.get(subject) : undefined;
      if (e && e.from <= at && (e.until === null || at < e.until)) {
        hits += 1;
        return e.value;
      }
      misses += 1;
      return undefined;
    },
    put: (ticket, subject, value, from, until) => {
      if (capacity <= 0 || ticket.writes !== writes || ticket.seq !== seq || ticket.version !== version) return;
      if (entries.size >= capacity && !entries.has(subject)) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(subject, { value, from, until });
    },
    committed: (before, after, subjects) => {
      writes += 1;
      if (subjects === null) return reset();
      for (const s of subjects) entries.delete(s);
      if (seq === before) seq = after;
      else reset();
    },
    stats: () => ({ size: entries.size, hits, misses }),
  };
}
