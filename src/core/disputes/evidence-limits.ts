/** A dispute carries at most this many evidence files, each at most this many bytes. */
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
