import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafHash, nobleHasher, nodeHash, rootFromLeaves } from '../core/merkle/index.js';
import { nodeCryptoDigestInto, nodeCryptoHasher } from './node-hasher.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('nodeCryptoHasher', () => {
  it('gives the RFC 6962 known-answer root of the reference leaves', () => {
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
      .map((h) => Uint8Array.from(Buffer.from(h, 'hex')));
    expect(hex(rootFromLeaves(nodeCryptoHasher, leaves))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });

  it('hashes leaves and nodes exactly as the pure-JS hasher the browser uses', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (data, other) => {
      expect(hex(leafHash(nodeCryptoHasher, data))).toBe(hex(leafHash(nobleHasher, data)));
      const left = leafHash(nobleHasher, data);
      expect(hex(nodeHash(nodeCryptoHasher, left, other))).toBe(hex(nodeHash(nobleHasher, left, other)));
    }));
  });

  it('writes digests into a caller\'s buffer byte for byte, whatever bytes they hold', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 32 }), (data, offset) => {
      const out = Buffer.alloc(64, 0xaa);
      nodeCryptoDigestInto(data, out, offset);
      expect(hex(out.subarray(offset, offset + 32))).toBe(hex(nobleHasher.sha256(data)));
      expect(out.subarray(0, offset).every((b) => b === 0xaa)).toBe(true);
    }));
  });

  it('returns a fresh array for every node, though it hashes through one shared buffer', () => {
    const a = nodeHash(nodeCryptoHasher, new Uint8Array(32), new Uint8Array(32).fill(1));
    const copy = hex(a);
    nodeHash(nodeCryptoHasher, new Uint8Array(32).fill(2), new Uint8Array(32).fill(3));
    expect(hex(a)).toBe(copy);
  });
});
