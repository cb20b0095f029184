import { hash } from 'node:crypto';
import type { Hasher } from '../core/merkle/index.js';

/** A reusable buffer for interior nodes: 0x01 ‖ left ‖ right is always 65 bytes. */
const NODE_INPUT = Buffer.allocUnsafe(65);

/** Writes SHA-256(data) into `out` at `offset` (32 bytes). */
export type DigestInto = (data: Uint8Array, out: Buffer, offset: number) => void;

/**
 * SHA-256 into a buffer the caller owns. A Buffer digest costs an allocation of its own (about
 * half the price of hashing 200 bytes); a 'binary' (latin1) digest is a short string, copied byte for byte.
 */
export const nodeCryptoDigestInto: DigestInto = (data, out, offset) => {
  out.write(hash('sha256', data, 'binary'), offset, 32, 'binary');
};

/**
 * SHA-256 by node:crypto's one-shot `hash`, the server's fast Hasher. The concatenation fast path
 * copies into one buffer and hashes once: a single call into OpenSSL instead of three updates.
 */
export const nodeCryptoHasher: Hasher & { readonly digestInto: DigestInto } = {
  digestInto: nodeCryptoDigestInto,
  sha256: (data) => hash('sha256', data, 'buffer'),
  sha256Concat: (prefix, a, b) => {
    if (b !== undefined && a.length === 32 && b.length === 32) {
      NODE_INPUT[0] = prefix;
      NODE_INPUT.set(a, 1);
      NODE_INPUT.set(b, 33);
      return hash('sha256', NODE_INPUT, 'buffer');
    }
    const input = Buffer.allocUnsafe(1 + a.length + (b?.length ?? 0));
    input[0] = prefix;
    input.set(a, 1);
    if (b) input.set(b, 1 + a.length);
    return hash('sha256', input, 'buffer');
  },
};
