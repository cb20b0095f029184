import { hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientId, recordId, subjectId } from '../src/core/brand.js';
import { compactRoot, emptyCompactTree } from '../src/core/merkle/index.js';
import type { StoredEvent } from '../src/core/ledger/ledger-event.js';
import { logAppender } from '../src/log/appender.js';
import { leafHashInput } from '../src/log/leaf-bytes.js';
import { createLogService } from '../src/log/log-service.js';
import { nodeCryptoHasher as h } from '../src/log/node-hasher.js';
import { formatSignerKey, parseSignerKey } from '../src/log/signer-key.js';
import { tileBuilder } from '../src/log/tile-builder.js';
import { openLogStore } from '../src/store/open-log-store.js';
import { openStore } from '../src/store/open-store.js';
import { figure, type Figure } from './harness.js';

const BATCH = 10_000;
const arg = (args: readonly string[], name: string, fallback: number): number =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** A synthetic ledger event of about 200 canonical bytes: a record retracted by its furnisher. */
const syntheticEvent = (seq: number): StoredEvent => ({
  seq,
  recordedAt: 1_780_000_000_000 + seq * 7,
  actor: 'demo-consumer-finance',
  event: { type: 'record.retracted', subjectId: subjectId(`cn-rid:1101051949${String(seq % 100_000_000).padStart(8, '0')}`), recordId: recordId(`rec_${seq + 17}`), reason: 'furnished in error' },
});

/**
 * The leaf hash inputs of n events (0x00 ‖ canonical bytes, as the appender encodes them) and, as
 * views of the same memory, the canonical bytes alone: what the raw baseline hashes.
 */
function canonicalEvents(n: number): { readonly inputs: Buffer[]; readonly bytes: Buffer[] } {
  const inputs = Array.from({ length: n }, (_, i) => Buffer.from(leafHashInput(syntheticEvent(i + 1))));
  return { inputs, bytes: inputs.map((b) => b.subarray(1)) };
}

const perSecond = (n: number, ms: number): number => (n * 1000) / ms;

/**
 * The transparency log's costs at 1,000,000 events. Appending = leaf hashing, the tree's interior
 * nodes, and persisting its tiles in SQLite, batch by batch as the appender does; beside it, raw
 * node:crypto SHA-256 of the same bytes in the same run. Then proofs at that size, read from the
 * stored tiles; and, as a second figure, the appender end to end from events stored in the ledger.
 */
export async function run(args: readonly string[]): Promise<Figure[]> {
  const n = arg(args, 'events', 1_000_000);
  const e2e = arg(args, 'stored', 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'credence-log-bench-'));
  try {
    const { inputs, bytes } = canonicalEvents(n);
    const meanBytes = Math.round(bytes.reduce((s, b) => s + b.length, 0) / n);

    // Warm every path up first, so no figure pays for the JIT.
    for (const b of bytes.slice(0, 50_000)) hash('sha256', b, 'buffer');
    for (const b of bytes.slice(0, 50_000)) hash('sha256', b, 'binary');
    tileBuilder(emptyCompactTree, []).appendInputs(h, inputs.slice(0, 50_000));

    // Raw hashing and appending alternate batch by batch, so both see the same load on a shared machine.
    const store = await openLogStore(`sqlite:${join(dir, 'tiles.db')}`);
    const builder = tileBuilder(emptyCompactTree, []);
    const digest = Buffer.alloc(32);
    let rawMs = 0;
    let rawIntoMs = 0;
    let appendMs = 0;
    for (let at = 0; at < n; at += BATCH) {
      let t = performance.now();
      for (const b of bytes.slice(at, at + BATCH)) hash('sha256', b, 'buffer');
      rawMs += performance.now() - t;
      t = performance.now();
      for (const b of bytes.slice(at, at + BATCH)) digest.write(hash('sha256', b, 'binary'), 0, 32, 'binary');
      rawIntoMs += performance.now() - t;
      t = performance.now();
      const tiles = builder.appendInputs(h, inputs.slice(at, at + BATCH));
      const tree = builder.tree();
      if (!(await store.commitAppend(at, { size: tree.size, root: compactRoot(h, tree) }, tiles))) throw new Error('head moved');
      appendMs += performance.now() - t;
    }
    const raw = perSecond(n, rawMs);
    const rawInto = perSecond(n, rawIntoMs);
    const appends = perSecond(n, appendMs);

    const key = parseSignerKey(formatSignerKey('bench/log', new Uint8Array(32).fill(9)));
    const log = createLogService({ store, hasher: h, key, origin: 'bench/log', clock: () => 0 });
    const proofs = 2000;
    let t = performance.now();
    for (let i = 0; i < proofs; i++) await log.inclusion(1 + ((i * 7919) % n), n);
    const inclusionMs = (performance.now() - t) / proofs;
    t = performance.now();
    for (let i = 0; i < proofs; i++) await log.consistency(1 + ((i * 104_729) % (n - 1)), n);
    const consistencyMs = (performance.now() - t) / proofs;
    await log.close();

    const endToEnd = await storedEvents(dir, e2e);
    return [
      figure({ name: `raw SHA-256 of ${meanBytes}-byte events (digest as a Buffer)`, value: raw, unit: 'hashes/s', baseline: null, baselineName: null, target: '—' }),
      figure({ name: `raw SHA-256 of the same events (digest written into one buffer)`, value: rawInto, unit: 'hashes/s', baseline: null, baselineName: null, target: '—' }),
      figure({
        name: `log appends, ${n.toLocaleString('en-US')} events (leaf + tree + tiles in SQLite)`, value: appends, unit: 'appends/s',
        baseline: raw, baselineName: 'raw SHA-256, same bytes', target: '>= 1/3 of raw SHA-256', meets: (_v, r) => (r ?? 0) >= 1 / 3,
      }),
      figure({
        name: 'log appends against the fastest raw hashing', value: appends, unit: 'appends/s',
        baseline: rawInto, baselineName: 'raw SHA-256 into a buffer', target: 'informational', meets: () => true,
      }),
      figure({
        name: `inclusion proof at ${n.toLocaleString('en-US')} leaves`, value: inclusionMs, unit: 'ms', baseline: null, baselineName: null,
        target: '< 1 ms', meets: (v) => v < 1,
      }),
      figure({
        name: `consistency proof to ${n.toLocaleString('en-US')} leaves`, value: consistencyMs, unit: 'ms', baseline: null, baselineName: null,
        target: '< 1 ms', meets: (v) => v < 1,
      }),
      figure({
        name: `appender end to end, ${e2e.toLocaleString('en-US')} events stored in the ledger (read, canonical JSON, append)`, value: endToEnd,
        unit: 'appends/s', baseline: raw, baselineName: 'raw SHA-256', target: 'informational', meets: () => true,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stores `count` events through the ledger's store, then times the appender catching up from nothing. */
async function storedEvents(dir: string, count: number): Promise<number> {
  const url = `sqlite:${join(dir, 'ledger.db')}`;
  const ledger = await openStore(url);
  for (let at = 0; at < count; at += BATCH) {
    await ledger.write(async (tx) => {
      await tx.appendEvents(Array.from({ length: Math.min(BATCH, count - at) }, (_, i) => {
        const e = syntheticEvent(at + i + 1);
        return { event: i === 0 ? { type: 'client.revoked', subjectId: null, clientId: clientId('bench'), reason: 'bench' } : e.event, recordedAt: e.recordedAt, actor: e.actor };
      }));
    });
  }
  await ledger.close();
  const store = await openLogStore(url);
  const t = performance.now();
  const size = await logAppender(store, h).catchUp();
  const rate = perSecond(size, performance.now() - t);
  await store.close();
  return rate;
}
