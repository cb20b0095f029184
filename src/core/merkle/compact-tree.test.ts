import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendLeaf, appendLeaves, compactRoot, compactTreeAt, emptyCompactTree, type StoredNode } from './compact-tree.js';
import { leafHash } from './hasher.js';
import { createMemoryNodes } from './memory-nodes.js';
import { nobleHasher as h } from './noble-hasher.js';
import { rootAt } from './proofs.js';
import { rootFromHashes, rootFromLeaves } from './root-from-leaves.js';

const leaf = (i: number): Uint8Array => new TextEncoder().encode(`event-${i}`);

describe('compact tree', () => {
  it('matches the reference root after every append up to 300 leaves, and so does rootAt', () => {
    const leaves: Uint8Array[] = [];
    const store = createMemoryNodes();
    let tree = emptyCompactTree;
    expect(compactRoot(h, tree)).toEqual(rootFromLeaves(h, []));
    for (let i = 0; i < 300; i++) {
      leaves.push(leaf(i));
      const r = appendLeaf(h, tree, leafHash(h, leaf(i)));
      tree = r.tree;
      store.add(r.newNodes);
      const expected = rootFromLeaves(h, leaves);
      expect(compactRoot(h, tree)).toEqual(expected);
      expect(rootAt(h, store.read, i + 1)).toEqual(expected);
    }
    // Older roots stay computable from the same nodes: stored nodes never change.
    for (let n = 0; n <= 300; n += 7) expect(rootAt(h, store.read, n)).toEqual(rootFromLeaves(h, leaves.slice(0, n)));
  });

  it('emits exactly the completed perfect subtrees, each once, with correct hashes', () => {
    const n = 77;
    const hashes = Array.from({ length: n }, (_, i) => leafHash(h, leaf(i)));
    const { newNodes } = appendLeaves(h, emptyCompactTree, hashes);
    const seen = new Set<string>();
    for (const node of newNodes) {
      const key = `${node.level}:${node.index}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const width = 2 ** node.level;
      expect((node.index + 1) * width).toBeLessThanOrEqual(n);
      expect(node.hash).toEqual(rootFromHashes(h, hashes.slice(node.index * width, (node.index + 1) * width)));
    }
    let expectedCount = 0;
    for (let width = 1; width <= n; width *= 2) expectedCount += Math.floor(n / width);
    expect(newNodes.length).toBe(expectedCount);
  });

  it('resumes from stored nodes: a tree rebuilt at size n continues exactly like the original', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), (n, more) => {
      const hashes = Array.from({ length: n + more }, (_, i) => leafHash(h, leaf(i)));
      const store = createMemoryNodes();
      const first = appendLeaves(h, emptyCompactTree, hashes.slice(0, n));
      store.add(first.newNodes);
      const resumed = compactTreeAt(store.read, n);
      expect(resumed).toEqual(first.tree);
      const a = appendLeaves(h, first.tree, hashes.slice(n));
      const b = appendLeaves(h, resumed, hashes.slice(n));
      expect(b.newNodes).toEqual(a.newNodes);
      expect(compactRoot(h, b.tree)).toEqual(rootFromHashes(h, hashes));
    }), { numRuns: 60 });
  });

  it('does not mutate the tree it was given, so a failed write can be retried', () => {
    const one = appendLeaf(h, emptyCompactTree, leafHash(h, leaf(0))).tree;
    const before = { size: one.size, peaks: [...one.peaks] };
    const again1: readonly StoredNode[] = appendLeaf(h, one, leafHash(h, leaf(1))).newNodes;
    const again2: readonly StoredNode[] = appendLeaf(h, one, leafHash(h, leaf(1))).newNodes;
    expect(one).toEqual(before);
    expect(again2).toEqual(again1);
  });
});
