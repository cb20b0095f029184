/** A dispute carries at most this many evidence files, each at most this many bytes, and at most the total in all. */
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
/** Files travel base64 in one JSON request: 8 MiB of files is about 10.7 MiB on the wire. */
export const MAX_EVIDENCE_TOTAL_BYTES = 8 * 1024 * 1024;
