export { HASH_SIZE, bytesEqual, emptyRoot, isHash, leafHash, nodeHash, type Hasher } from './hasher.js';
export { nobleHasher } from './noble-hasher.js';
export { rootFromHashes, rootFromLeaves } from './root-from-leaves.js';
export type { NodeAddress } from './tree-math.js';
export type { NodeReader } from './node-reader.js';
export {
  appendLeaf, appendLeaves, compactRoot, compactTreeAt, emptyCompactTree,
  type AppendResult, type CompactTree, type StoredNode,
} from './compact-tree.js';
export { consistencyPlan, inclusionPlan, planNodes, rootPlan, type ProofPlan } from './proof-plan.js';
export { consistencyProof, inclusionProof, rootAt } from './proofs.js';
export { verifyConsistency, verifyInclusion } from './verify.js';
export { decodeBase64, encodeBase64 } from './base64.js';
export {
  generateKeyPair, keyId, parseVerifierKey, verifierKeyString,
  type NoteSigner, type NoteVerifier, type ParsedVerifierKey,
} from './note-key.js';
export { openNote, signNote, type NoteError, type OpenedNote } from './signed-note.js';
export {
  formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint,
  type Checkpoint, type OpenedCheckpoint,
} from './checkpoint.js';
export { createMemoryNodes, type MemoryNodes } from './memory-nodes.js';
