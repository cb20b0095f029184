import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import {
  bytesEqual, leafHash, openCheckpoint, parseVerifierKey, rootFromLeaves, verifyConsistency, verifyInclusion, type NoteVerifier,
} from '../../src/core/merkle/index.js';
import { logAppender } from '../../src/log/appender.js';
import { LogIntegrityError, signIfGrown } from '../../src/log/checkpointer.js';
import { leafBytes } from '../../src/log/leaf-bytes.js';
import { nodeCryptoHasher as h } from '../../src/log/node-hasher.js';
import { openLog } from '../../src/log/open-log.js';
import { hashIndexInTile } from '../../src/log/tile-layout.js';
import type { LogService } from '../../src/log/log-service.js';
import type { NewEvent } from '../../src/store/index.js';
import type { LogStore } from '../../src/store/log-store.js';
import { openLogStore } from '../../src/store/open-log-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { databasesFor, TEST_ENV, type Dialect, type TestDatabases } from './support/log-db.js';

const T0 = Date.UTC(2026, 0, 1);

/** Synthetic events: the log hashes whatever the ledger stored, so any event type serves. */
const events = (from: number, n: number): NewEvent[] => Array.from({ length: n }, (_, i) => ({
  event: { type: 'client.registered', subjectId: null, clientId: clientId(`c-${from + i}`), role: 'furnisher', name: `Client ${from + i} — 法院`, scope: { recordTypes: ['loan.overdue'] } },
  recordedAt: T0 + from + i,
  actor: 'operator',
}));

async function append(store: Store, from: number, n: number): Promise<void> {
  for (let i = 0; i < n; i += 500) await store.write((tx) => tx.appendEvents(events(from + i, Math.min(500, n - i))).then(() => undefined));
}

async function expectedLeaves(store: Store): Promise<Uint8Array[]> {
  const all = await store.read((tx) => tx.events(1, 1_000_000));
  return all.map((e) => leafHash(h, leafBytes(e)));
}

/** Fails the first `after` commits, as a process killed between computing and committing a batch would. */
function crashingStore(inner: LogStore, after: number): LogStore {
  let commits = 0;
  return {
    ...inner,
    commitAppend: async (...args) => {
      commits += 1;
      if (commits > after) throw new Error('killed');
      return inner.commitAppend(...args);
    },
  };
}

/** Flips a bit of a stored interior node of the 40-leaf tree, as an attacker with database access would. */
async function alterInteriorNode(raw: LogStore, root: Uint8Array): Promise<void> {
  const [tile] = await raw.tiles([{ level: 0, index: 0 }]);
  const altered = Uint8Array.from(tile?.hashes ?? []);
  const at = (hashIndexInTile(40, 4, 0) ?? 0) * 32;
  altered[at] = (altered[at] ?? 0) ^ 1;
  await raw.commitAppend(40, { size: 40, root }, [{ level: 0, index: 0, hashes: altered }]);
}

describe.each<Dialect>(['sqlite', 'postgres'])('the log appender on %s', (dialect) => {
  let dbs: TestDatabases;
  let n = 0;
  beforeAll(async () => {
    dbs = await databasesFor(dialect);
  });
  afterAll(() => dbs.stop());

  const fresh = async (): Promise<{ url: string; store: Store; log: LogService; verifier: NoteVerifier }> => {
    n += 1;
    const url = await dbs.create(`appender_${n}`);
    const store = await openStore(url);
    const log = await openLog(url, { env: TEST_ENV, origin: 'credence.test/log', clock: () => T0 });
    const parsed = parseVerifierKey(log.key.vkey);
    if (!parsed.ok) throw new Error(parsed.error);
    return { url, store, log, verifier: parsed.key };
  };

  it('appends every stored event, is idempotent, and resumes after a crash mid-way', async () => {
    const { url, store, log } = await fresh();
    await append(store, 0, 1300);
    const logStore = await openLogStore(url);
    try {
      // Batches of 100: three commit, the fourth "crashes" after computing its tiles.
      await expect(logAppender(crashingStore(logStore, 3), h, { batchSize: 100 }).catchUp()).rejects.toThrow('killed');
      expect((await logStore.head()).size).toBe(300);
      expect(await logAppender(logStore, h, { batchSize: 256 }).catchUp()).toBe(1300);
      const head = await logStore.head();
      expect(bytesEqual(head.root as Uint8Array, await rootOf(store))).toBe(true);
      // Again: nothing to do, nothing changes.
      const tilesBefore = await logStore.tileRange(0, 0, 10);
      expect(await log.catchUp()).toBe(1300);
      expect(await logStore.tileRange(0, 0, 10)).toEqual(tilesBefore);
    } finally {
      await logStore.close();
      await log.close();
      await store.close();
    }
  });

  it('lets two appenders race without losing or repeating a leaf', async () => {
    const { url, store, log } = await fresh();
    await append(store, 0, 2000);
    const other = await openLogStore(url);
    try {
      const sizes = await Promise.all([logAppender(other, h, { batchSize: 97 }).catchUp(), logAppender(log.store, h, { batchSize: 131 }).catchUp()]);
      expect(sizes).toEqual([2000, 2000]);
      expect(bytesEqual((await other.head()).root as Uint8Array, await rootOf(store))).toBe(true);
    } finally {
      await other.close();
      await log.close();
      await store.close();
    }
  });

  it('signs checkpoints that only grow, with inclusion and consistency proofs the core verifier accepts', async () => {
    const { store, log, verifier } = await fresh();
    try {
      await append(store, 0, 300);
      const first = await log.checkpoint();
      expect(first.size).toBe(300);
      expect(await log.checkpoint()).toMatchObject({ size: 300, note: first.note }); // nothing new: the same checkpoint
      await append(store, 300, 77);
      const second = await log.checkpoint();
      const opened = openCheckpoint(second.note, [verifier]);
      if (!opened.ok) throw new Error(opened.detail);
      expect(opened.checkpoint).toMatchObject({ origin: 'credence.test/log', size: 377 });

      const leaves = await expectedLeaves(store);
      for (const seq of [1, 150, 256, 257, 377]) {
        const p = await log.inclusion(seq);
        expect(p).toMatchObject({ seq, leafIndex: seq - 1, size: 377 });
        expect(verifyInclusion(h, leaves[seq - 1] as Uint8Array, seq - 1, 377, p.proof, opened.checkpoint.root)).toBe(true);
        expect(verifyInclusion(h, leaves[seq % 377] as Uint8Array, seq - 1, 377, p.proof, opened.checkpoint.root)).toBe(false);
      }
      const proof = await log.consistency(300, 377);
      expect(verifyConsistency(h, 300, 377, first.root, second.root, proof)).toBe(true);
      expect(await log.store.addCheckpoint({ ...first, signedAt: T0 + 5 })).toBe(false); // a smaller size after a larger one
    } finally {
      await log.close();
      await store.close();
    }
  });

  it('reports a refusal to sign once while it lasts, not on every poll', async () => {
    const { url, store, log } = await fresh();
    const raw = await openLogStore(url);
    const errors: unknown[] = [];
    const following = await openLog(url, { env: TEST_ENV, origin: 'credence.test/log', clock: () => T0, pollMs: 10, onError: (e) => errors.push(e) });
    try {
      await append(store, 0, 40);
      const signed = await log.checkpoint();
      // A stored interior node altered: no tree from here on extends the signed one.
      await alterInteriorNode(raw, signed.root);
      await append(store, 40, 20);
      following.start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(LogIntegrityError);
    } finally {
      await following.close();
      await raw.close();
      await log.close();
      await store.close();
    }
  });

  it('refuses to sign when the tiles fall behind the last checkpoint or stop extending it', async () => {
    const { url, store, log } = await fresh();
    const raw = await openLogStore(url);
    let restarted: LogService | undefined;
    try {
      await append(store, 0, 40);
      const signed = await log.checkpoint();
      // Roll the head back as an attacker with database access would: the signer refuses.
      await raw.commitAppend(40, { size: 20, root: signed.root }, []);
      await expect(signIfGrown(raw, h, 'credence.test/log', log.key.signer, T0)).rejects.toBeInstanceOf(LogIntegrityError);
      // Put the head back, then alter a stored interior node: after a restart, the next tree no longer extends the signed one.
      await raw.commitAppend(20, { size: 40, root: signed.root }, []);
      await alterInteriorNode(raw, signed.root);
      await append(store, 40, 20);
      restarted = await openLog(url, { env: TEST_ENV, origin: 'credence.test/log', clock: () => T0 });
      await expect(restarted.checkpoint()).rejects.toThrow(/does not extend the last checkpoint/);
      expect((await raw.latestCheckpoint())?.size).toBe(40);
    } finally {
      await restarted?.close();
      await raw.close();
      await log.close();
      await store.close();
    }
  });
});

async function rootOf(store: Store): Promise<Uint8Array> {
  const all = await store.read((tx) => tx.events(1, 1_000_000));
  return rootFromLeaves(h, all.map((e) => leafBytes(e)));
}
