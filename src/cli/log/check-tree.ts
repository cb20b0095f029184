import {
  bytesEqual, compactRoot, decodeBase64, emptyCompactTree, verifyInclusion, type Checkpoint, type Hasher,
} from '../../core/merkle/index.js';
import type { InclusionProofWire } from '../../log/proof-wire.js';
import { tileBuilder } from '../../log/tile-builder.js';
import { decodeTile } from '../../log/tile-codec.js';
import { tileCounts, TILE_WIDTH } from '../../log/tile-layout.js';
import { getJson, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';

interface TilesPage { readonly tiles: readonly { readonly index: number; readonly hashes: string }[] }

/** Every tile the server serves, by `level/index`. */
async function servedTiles(http: AuditHttp): Promise<Map<string, Uint8Array | undefined>> {
  const out = new Map<string, Uint8Array | undefined>();
  for (let level = 0; level < 8; level++) {
    let from = 0;
    for (;;) {
      const page = await getJson<TilesPage>(http, `/v1/log/tiles/${level}?from=${from}&count=64`);
      for (const t of page.tiles) out.set(`${level}/${t.index}`, decodeBase64(t.hashes));
      if (page.tiles.length < 64) break;
      from = (page.tiles.at(-1)?.index ?? from) + 1;
    }
    if (![...out.keys()].some((k) => k.startsWith(`${level}/`))) break;
  }
  return out;
}

/**
 * Recomputes the tree from the leaves: its root at the checkpoint's size must be the signed root,
 * every hash the server stores in its tiles must equal the recomputed one, and served inclusion
 * proofs must verify. A leaf that differs names its event when the events no longer give the signed
 * root (the event was changed), else the tile (the tree was changed).
 */
export async function checkTree(http: AuditHttp, h: Hasher, cp: Checkpoint, leaves: readonly Uint8Array[], out: Problems): Promise<number> {
  if (leaves.length < cp.size) out.add({ kind: 'tree', detail: `the checkpoint covers ${cp.size} events, the server gave ${leaves.length}` });
  const builder = tileBuilder(emptyCompactTree, []);
  const local = new Map<string, Uint8Array>();
  const add = (batch: readonly Uint8Array[]): void => {
    for (const t of builder.append(h, batch)) local.set(`${t.level}/${t.index}`, t.hashes);
  };
  add(leaves.slice(0, cp.size));
  const rootOk = leaves.length >= cp.size && bytesEqual(compactRoot(h, builder.tree()), cp.root);
  if (!rootOk) out.add({ kind: 'tree', detail: `the events up to ${cp.size} do not give the signed root` });
  add(leaves.slice(cp.size));

  const served = await servedTiles(http);
  for (const c of tileCounts(cp.size)) {
    for (let index = 0; index < c.tiles; index++) {
      const need = index === c.tiles - 1 ? c.lastWidth : TILE_WIDTH;
      const rows = served.has(`${c.level}/${index}`) ? decodeTile(served.get(`${c.level}/${index}`) ?? new Uint8Array(1)) : undefined;
      if (!rows || (rows[0]?.length ?? 0) < need) out.add({ kind: 'tile', tile: `${c.level}/${index}`, detail: `tile ${c.level}/${index} is missing, malformed or shorter than the checkpoint needs` });
    }
  }
  for (const [key, bytes] of served) {
    const mine = local.get(key);
    const theirs = bytes === undefined ? undefined : decodeTile(bytes);
    if (!mine || !theirs) continue;
    compareTile(key, decodeTile(mine) ?? [], theirs, rootOk, out);
  }
  await checkProofs(http, h, cp, leaves, out);
  return served.size;
}

function compareTile(key: string, mine: Uint8Array[][], theirs: Uint8Array[][], rootOk: boolean, out: Problems): void {
  const [level, index] = key.split('/').map(Number) as [number, number];
  mine.forEach((row, r) => {
    const other = theirs[r] ?? [];
    for (let p = 0; p < Math.min(row.length, other.length); p++) {
      if (bytesEqual(row[p] as Uint8Array, other[p] as Uint8Array)) continue;
      const node = `tree level ${level * 8 + r}, node ${index * 2 ** (8 - r) + p}`;
      if (level === 0 && r === 0 && !rootOk) {
        const seq = index * TILE_WIDTH + p + 1;
        out.add({ kind: 'event', seq, detail: `event ${seq} is not the event the log holds (its leaf hash differs from the logged one)` });
      } else {
        out.add({ kind: 'tile', tile: key, detail: `tile ${key}: the stored hash of ${node} differs from the recomputed one` });
      }
    }
  });
}

async function checkProofs(http: AuditHttp, h: Hasher, cp: Checkpoint, leaves: readonly Uint8Array[], out: Problems): Promise<void> {
  if (cp.size === 0 || leaves.length < cp.size) return;
  const seqs = new Set([1, cp.size, ...Array.from({ length: 6 }, () => 1 + Math.floor(Math.random() * cp.size))]);
  for (const seq of seqs) {
    const wire = await getJson<InclusionProofWire>(http, `/v1/log/proof/inclusion?seq=${seq}&size=${cp.size}`);
    const proof = wire.proof.map(decodeBase64);
    const ok = proof.every((p) => p !== undefined) && verifyInclusion(h, leaves[seq - 1] as Uint8Array, seq - 1, cp.size, proof as Uint8Array[], cp.root);
    if (!ok) out.add({ kind: 'proof', seq, detail: `the served inclusion proof of event ${seq} does not verify against the checkpoint` });
  }
}
