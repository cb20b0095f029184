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

  it('forgets writes once passed, and a write wholly behind the start does not count', () => {
    const w = localWrites();
    w.pending(2, 4).committed();
    expect(w.foreign(1, 4)).toEqual({ stretches: [[1, 2]], upTo: 4 });
    w.pending(4, 5).committed();
    expect(w.foreign(4, 7)).toEqual({ stretches: [[5, 7]], upTo: 7 });
  });
});
