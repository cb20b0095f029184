import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walSyncs } from './wal-syncs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function wal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'credence-wal-syncs-'));
  dirs.push(dir);
  const path = join(dir, 'x.db-wal');
  writeFileSync(path, 'frames');
  return path;
}

/** An fdatasync whose completions the test releases one by one. */
function heldSyncs(): { fdatasync: (fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => void; release: (error?: NodeJS.ErrnoException) => void; started: () => number } {
  const held: ((e: NodeJS.ErrnoException | null) => void)[] = [];
  let started = 0;
  return {
    fdatasync: (_fd, cb) => {
      started += 1;
      held.push(cb);
    },
    release: (error) => held.shift()?.(error ?? null),
    started: () => started,
  };
}

describe('WAL syncs', () => {
  it('answers a request only after a sync that began after it, and lets waiting requests share one sync', async () => {
    const disk = heldSyncs();
    const syncs = walSyncs(wal(), { maxInFlight: 1, fdatasync: disk.fdatasync });
    const answered: string[] = [];
    syncs.request(() => answered.push('a'));
    syncs.request(() => answered.push('b')); // the only sync in flight began before b: b waits for the next
    syncs.request(() => answered.push('c'));
    expect(disk.started()).toBe(1);
    disk.release();
    expect(answered).toEqual(['a']);
    expect(disk.started()).toBe(2); // b and c together
    disk.release();
    expect(answered).toEqual(['a', 'b', 'c']);
    await syncs.close();
  });

  it('overlaps syncs up to the limit', async () => {
    const disk = heldSyncs();
    const syncs = walSyncs(wal(), { maxInFlight: 3, fdatasync: disk.fdatasync });
    for (let i = 0; i < 5; i++) syncs.request(() => undefined);
    expect(disk.started()).toBe(3);
    disk.release();
    expect(disk.started()).toBe(4); // the two left waiting share one sync
    disk.release();
    disk.release();
    disk.release();
    await syncs.close();
  });

  it('fails every request after a failed sync, even when a later sync succeeds', async () => {
    const disk = heldSyncs();
    const syncs = walSyncs(wal(), { maxInFlight: 2, fdatasync: disk.fdatasync });
    const answers: (string | null)[] = [];
    const record = (e: Error | null): void => void answers.push(e ? e.message : null);
    syncs.request(record);
    syncs.request(record);
    disk.release(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    disk.release(); // the second sync succeeds, but after the failure nothing is proven durable
    syncs.request(record);
    expect(answers).toEqual(['EIO: i/o error', 'EIO: i/o error', 'EIO: i/o error']);
    expect(disk.started()).toBe(2);
    await syncs.close();
  });

  it('syncs the real file', async () => {
    const syncs = walSyncs(wal());
    const error = await new Promise<Error | null>((resolve) => syncs.request(resolve));
    expect(error).toBeNull();
    await syncs.close();
  });
});
