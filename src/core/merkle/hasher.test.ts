import { describe, expect, it } from 'vitest';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { emptyRoot, leafHash, nodeHash, type Hasher } from './hasher.js';
import { nobleHasher } from './noble-hasher.js';
import { rootFromLeaves } from './root-from-leaves.js';

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
  .map((h) => hexToBytes(h));

// Known-answer roots of the first n leaves (RFC 6962 test vectors, docs REFERENCE.md).
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** A hasher without the fast path, so the generic concatenation is exercised too. */
const plainHasher: Hasher = { sha256: (d) => sha256(d) };

describe('RFC 6962 hashing', () => {
  it.each(ROOTS.map((root, n) => [n, root] as const))('root of the first %i leaves matches the known answer', (n, root) => {
    expect(bytesToHex(rootFromLeaves(nobleHasher, LEAVES.slice(0, n)))).toBe(root);
    expect(bytesToHex(rootFromLeaves(plainHasher, LEAVES.slice(0, n)))).toBe(root);
  });

  it('the empty root is SHA-256 of nothing', () => {
    expect(bytesToHex(emptyRoot(nobleHasher))).toBe(ROOTS[0]);
  });

  it('separates leaves from nodes, so an interior node cannot pass as a leaf', () => {
    const a = leafHash(nobleHasher, hexToBytes('00'));
    const b = leafHash(nobleHasher, hexToBytes('10'));
    const concat = new Uint8Array([...a, ...b]);
    expect(bytesToHex(leafHash(nobleHasher, concat))).not.toBe(bytesToHex(nodeHash(nobleHasher, a, b)));
  });

  it('the fast path and the plain path agree', () => {
    const a = sha256(hexToBytes('01'));
    const b = sha256(hexToBytes('02'));
    expect(nodeHash(nobleHasher, a, b)).toEqual(nodeHash(plainHasher, a, b));
    expect(leafHash(nobleHasher, a)).toEqual(leafHash(plainHasher, a));
  });
});
