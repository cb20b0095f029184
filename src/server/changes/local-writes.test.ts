import { describe, expect, it } from 'vitest';
import { localWrites } from './local-writes.js';

describe('local writes', () => {
  it('leaves the stretches other processes wrote, around this process\'s committed writes', () => {
    const w = localWrites();
    w.pending(5, 8).committed();
    w.pending(10, 12).committed();
    expect(w.foreign(1, 15)).toEqual({ stretches: [[1, 5], [8, 10], [12, 15]], upTo: 15 });
    expect(w.foreign(15, 15)).toEqual({ stretches: [], upTo: 15 });
  });

  it('stops at a write of this process that has not settled, and hands its positions on when it failed', () => {
    const w = localWrites();
    const first = w.pending(3, 6);
    expect(w.foreign(1, 9)).toEqual({ stretches: [[1, 3]], upTo: 3 });
    expect(w.foreign(3, 9)).toEqual({ stretches: [], upTo: 3 });
    first.failed(); // another process may have written 3..9 since
    expect(w.foreign(3, 9)).toEqual({ stretches: [[3, 9]], upTo: 9 });
  });

  it('keeps a write until the caller has moved past it, and a write wholly behind the start does not count', () => {
    const w = localWrites();
    w.pending(2, 4).committed();
    w.pending(25, 27).committed();
    expect(w.foreign(1, 30)).toEqual({ stretches: [[1, 2], [4, 25], [27, 30]], upTo: 30 });
    // The caller got only as far as 20 (a backlog, or a failed round): the write at 25 still counts.
    w.forget(20);
    expect(w.foreign(20, 30)).toEqual({ stretches: [[20, 25], [27, 30]], upTo: 30 });
    w.forget(30);
    w.pending(30, 31).committed();
    expect(w.foreign(30, 33)).toEqual({ stretches: [[31, 33]], upTo: 33 });
  });
});
