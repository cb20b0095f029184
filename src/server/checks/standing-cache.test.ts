import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectId } from '../../core/brand.js';
import { standingCache } from './standing-cache.js';

const A = subjectId('cn-rid:A');
const B = subjectId('cn-rid:B');
const V = '2026.1';

/** A read that saw the ledger at `seq`: the ticket it gets, taking the write count first as the reader does. */
const read = (cache: ReturnType<typeof standingCache<string>>, seq: number, version = V) => cache.open(cache.writes(), seq, version);

describe('standingCache', () => {
  it('answers from memory only within the span an entry holds for', () => {
    const cache = standingCache<string>(10);
    const t = read(cache, 5);
    if (!t) throw new Error('no ticket');
    cache.put(t, A, 'listed', 100, 200);
    expect(cache.get(t, A, 99)).toBeUndefined(); // before it was computed
    expect(cache.get(t, A, 150)).toBe('listed');
    expect(cache.get(t, A, 200)).toBeUndefined(); // the next change is due: recompute
    expect(cache.get(t, B, 150)).toBeUndefined();
  });

  it('forgets the subjects a write of this process touched, keeps the rest, and follows the ledger position it moved to', () => {
    const cache = standingCache<string>(10);
    const t = read(cache, 5);
    if (!t) throw new Error('no ticket');
    cache.put(t, A, 'a', 0, null);
    cache.put(t, B, 'b', 0, null);
    cache.committed(5, 7, new Set([A]));
    const next = read(cache, 7);
    if (!next) throw new Error('no ticket');
    expect(cache.get(next, A, 1)).toBeUndefined();
    expect(cache.get(next, B, 1)).toBe('b');
  });

  it('empties itself when the head moved without it (another process wrote) or the rulebook changed', () => {
    const cache = standingCache<string>(10);
    const t = read(cache, 5);
    if (!t) throw new Error('no ticket');
    cache.put(t, A, 'a', 0, null);
    const moved = read(cache, 6);
    expect(moved && cache.get(moved, A, 1)).toBeUndefined();
    const t2 = read(cache, 6);
    if (!t2) throw new Error('no ticket');
    cache.put(t2, A, 'a', 0, null);
    const republished = read(cache, 6, '2026.2');
    expect(republished && cache.get(republished, A, 1)).toBeUndefined();
    cache.put(t2, A, 'old rulebook', 0, null);
    expect(cache.stats().size).toBe(0);
  });

  it('never keeps what a read saw if a write committed while it ran, nor uses or fills from a snapshot older than itself', () => {
    const cache = standingCache<string>(10);
    const slow = read(cache, 5); // its snapshot predates the write below
    if (!slow) throw new Error('no ticket');
    cache.committed(5, 6, new Set([A]));
    cache.put(slow, A, 'before the write', 0, null);
    expect(cache.stats().size).toBe(0);
    expect(read(cache, 5)).toBeNull(); // a snapshot behind the cache: neither use nor fill
    const sweepRace = read(cache, 6);
    if (!sweepRace) throw new Error('no ticket');
    cache.committed(6, 6, new Set([A])); // a write that appends no event (a sweep) leaves the position as it was
    cache.put(sweepRace, A, 'before the sweep', 0, null);
    expect(cache.stats().size).toBe(0);
    const fresh = read(cache, 6);
    if (!fresh) throw new Error('no ticket');
    cache.put(fresh, A, 'after the write', 0, null);
    expect(cache.get(fresh, A, 1)).toBe('after the write');
  });

  it('drops everything when a write set the rulebooks, or when it cannot tell what changed', () => {
    const cache = standingCache<string>(10);
    const t = read(cache, 5);
    if (!t) throw new Error('no ticket');
    cache.put(t, A, 'a', 0, null);
    cache.committed(5, 6, null);
    expect(cache.stats().size).toBe(0);
    const t2 = read(cache, 6);
    if (!t2) throw new Error('no ticket');
    cache.put(t2, A, 'a', 0, null);
    cache.committed(9, 10, new Set()); // the cache was at 6: someone wrote 6..9 unseen
    expect(cache.stats().size).toBe(0);
  });

  it('holds at most its capacity, the oldest going first; capacity 0 holds nothing', () => {
    const cache = standingCache<string>(2);
    const t = read(cache, 1);
    if (!t) throw new Error('no ticket');
    for (const s of ['x', 'y', 'z']) cache.put(t, subjectId(`cn-rid:${s}`), s, 0, null);
    expect(cache.stats().size).toBe(2);
    expect(cache.get(t, subjectId('cn-rid:x'), 1)).toBeUndefined();
    expect(cache.get(t, subjectId('cn-rid:z'), 1)).toBe('z');
    const none = standingCache<string>(0);
    const n = read(none, 1);
    if (!n) throw new Error('no ticket');
    none.put(n, A, 'a', 0, null);
    expect(none.get(n, A, 1)).toBeUndefined();
  });

  it('never returns a value that a later write of the subject replaced, whatever the interleaving (property)', () => {
    // Model: the truth per subject is its last committed version; reads take a snapshot (seq) and may fill late.
    type Op = { kind: 'write'; subject: 0 | 1; events: boolean } | { kind: 'begin' } | { kind: 'fill'; read: number; subject: 0 | 1 } | { kind: 'get'; subject: 0 | 1 };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), subject: fc.constantFrom(0 as const, 1 as const), events: fc.boolean() }),
      fc.record({ kind: fc.constant('begin' as const) }),
      fc.record({ kind: fc.constant('fill' as const), read: fc.nat(20), subject: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({ kind: fc.constant('get' as const), subject: fc.constantFrom(0 as const, 1 as const) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops: Op[]) => {
      const cache = standingCache<number>(10);
      const ids = [A, B] as const;
      let seq = 1;
      const versions = [0, 0];
      const reads: { ticket: ReturnType<typeof cache.open>; seen: number[] }[] = [];
      for (const o of ops) {
        if (o.kind === 'write') {
          versions[o.subject] = (versions[o.subject] ?? 0) + 1;
          const after = o.events ? seq + 1 : seq;
          cache.committed(seq, after, new Set([ids[o.subject]]));
          seq = after;
        } else if (o.kind === 'begin') {
          reads.push({ ticket: cache.open(cache.writes(), seq, V), seen: [...versions] });
        } else if (o.kind === 'fill') {
          const r = reads[o.read % Math.max(1, reads.length)];
          if (r?.ticket) cache.put(r.ticket, ids[o.subject], r.seen[o.subject] ?? 0, 0, null);
        } else {
          const ticket = cache.open(cache.writes(), seq, V);
          const got = ticket ? cache.get(ticket, ids[o.subject], 1) : undefined;
          if (got !== undefined && got !== versions[o.subject]) return false;
        }
      }
      return true;
    }));
  });
});
