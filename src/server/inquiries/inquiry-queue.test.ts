import { describe, expect, it } from 'vitest';
import type { InquiryRow } from '../../store/service-store.js';
import { inquiryQueue } from './inquiry-queue.js';

const row = (n: number) => ({ id: `dec_${n}` }) as unknown as InquiryRow;

describe('inquiryQueue', () => {
  it('commits inquiries that arrive together in one append, and resolves each only after it', async () => {
    const appended: string[][] = [];
    let committed = false;
    const queue = inquiryQueue(async (rows) => {
      appended.push(rows.map((r) => r.id));
      await new Promise((r) => setTimeout(r, 5));
      committed = true;
    }, { maxBatch: 100, maxDelayMs: 0 });
    const done = await Promise.all([1, 2, 3].map((n) => queue.record(row(n)).then(() => committed)));
    expect(done).toEqual([true, true, true]);
    expect(appended).toEqual([['dec_1', 'dec_2', 'dec_3']]);
  });

  it('takes what arrived during a commit in the next one, bounded by maxBatch', async () => {
    const appended: number[] = [];
    const queue = inquiryQueue(async (rows) => {
      appended.push(rows.length);
      await new Promise((r) => setTimeout(r, 5));
    }, { maxBatch: 4, maxDelayMs: 0 });
    const first = queue.record(row(0));
    await new Promise((r) => setImmediate(r));
    await Promise.all([first, ...Array.from({ length: 6 }, (_, n) => queue.record(row(n + 1)))]);
    expect(appended).toEqual([1, 4, 2]);
    expect(queue.committed()).toBe(7);
  });

  it('with maxInFlight, sends the next group while earlier ones are still committing, and resolves each after its own', async () => {
    const commits: (() => void)[] = [];
    const sizes: number[] = [];
    const queue = inquiryQueue((rows) => new Promise<void>((resolve) => {
      sizes.push(rows.length);
      commits.push(resolve);
    }), { maxBatch: 100, maxDelayMs: 0, maxInFlight: 2 });
    const settled: number[] = [];
    const turn = () => new Promise((r) => setImmediate(r));
    const a = queue.record(row(1)).then(() => settled.push(1));
    await turn();
    const b = [queue.record(row(2)).then(() => settled.push(2)), queue.record(row(3)).then(() => settled.push(3))];
    await turn();
    const c = queue.record(row(4)).then(() => settled.push(4));
    await turn();
    expect(sizes).toEqual([1, 2]); // the third group waits: two are in flight
    commits[1]?.();
    await Promise.all(b);
    expect(settled).toEqual([2, 3]);
    await turn();
    expect(sizes).toEqual([1, 2, 1]);
    commits[0]?.();
    commits[2]?.();
    await Promise.all([a, c]);
    expect(queue.committed()).toBe(4);
  });

  it('fails every inquiry of a group whose commit fails, so none of their answers is sent', async () => {
    const queue = inquiryQueue(() => Promise.reject(new Error('disk full')), { maxBatch: 10, maxDelayMs: 0 });
    const results = await Promise.allSettled([queue.record(row(1)), queue.record(row(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(queue.committed()).toBe(0);
  });

  it('drains: waits for queued and committing inquiries', async () => {
    let count = 0;
    const queue = inquiryQueue(async (rows) => {
      await new Promise((r) => setTimeout(r, 5));
      count += rows.length;
    }, { maxBatch: 2, maxDelayMs: 50 });
    for (let n = 0; n < 5; n++) void queue.record(row(n));
    await queue.drain();
    expect(count).toBe(5);
  });
});
