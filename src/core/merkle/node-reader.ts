/**
 * Reads the hash of the complete perfect subtree at (level, index), covering leaves
 * [index·2^level, (index+1)·2^level). Proof and root construction only ever ask for nodes wholly
 * inside the requested tree size, so nodes persisted once stay valid for every later size.
 * Synchronous: an async store prefetches the addresses the *Nodes planners list, then serves reads.
 * A tile store that keeps only every 8th level can answer other levels with rootFromHashes.
 */
export type NodeReader = (level: number, index: number) => Uint8Array;
