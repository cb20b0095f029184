/** SHA-256 behind an interface: the server injects node:crypto, the browser and CLI a pure implementation. */
export interface Hasher {
  sha256(data: Uint8Array): Uint8Array;
  /** Optional fast path: SHA-256(prefix ‖ a ‖ b) without building the concatenation. */
  sha256Concat?(prefix: number, a: Uint8Array, b?: Uint8Array): Uint8Array;
}

/** Every hash in the log is 32 bytes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

function hashPrefixed(h: Hasher, prefix: number, a: Uint8Array, b?: Uint8Array): Uint8Array {
  if (h.sha256Concat) return h.sha256Concat(prefix, a, b);
  const buf = new Uint8Array(1 + a.length + (b?.length ?? 0));
  buf[0] = prefix;
  buf.set(a, 1);
  if (b) buf.set(b, 1 + a.length);
  return h.sha256(buf);
}

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export const leafHash = (h: Hasher, data: Uint8Array): Uint8Array => hashPrefixed(h, LEAF_PREFIX, data);

/** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (h: Hasher, left: Uint8Array, right: Uint8Array): Uint8Array =>
  hashPrefixed(h, NODE_PREFIX, left, right);

/** Root of the empty tree: SHA-256 of the empty string. */
export const emptyRoot = (h: Hasher): Uint8Array => h.sha256(new Uint8Array(0));

/** Constant-shape byte comparison (proof verification compares hashes, not secrets). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** True for a Uint8Array of exactly HASH_SIZE bytes; guards verification against malformed input. */
export const isHash = (x: unknown): x is Uint8Array => x instanceof Uint8Array && x.length === HASH_SIZE;
