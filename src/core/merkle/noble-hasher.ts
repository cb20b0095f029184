import { sha256 } from '@noble/hashes/sha2.js';
import type { Hasher } from './hasher.js';

/** Pure-JS SHA-256 (runs in the browser and CLI); streams the prefix and parts without concatenating. */
export const nobleHasher: Hasher = {
  sha256: (data) => sha256(data),
  sha256Concat: (prefix, a, b) => {
    const st = sha256.create().update(Uint8Array.of(prefix)).update(a);
    if (b) st.update(b);
    return st.digest();
  },
};
