import { createHash } from 'node:crypto';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_TOTAL_BYTES } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import type { EvidenceRef } from '../../core/ledger/ledger-event.js';

/** One file a subject sends with a dispute. */
export interface EvidenceFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
}

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

export interface HashedEvidence {
  readonly ref: EvidenceRef;
  readonly content: Uint8Array;
}

/** Checks the files (count, sizes, name, media type) and names each by its SHA-256. */
export function hashEvidence(files: readonly EvidenceFile[]): readonly HashedEvidence[] {
  if (files.length > MAX_EVIDENCE_FILES) throw new CredenceError('payload_too_large', `at most ${MAX_EVIDENCE_FILES} evidence files per dispute, got ${files.length}`);
  const total = files.reduce((n, f) => n + f.content.length, 0);
  if (total > MAX_EVIDENCE_TOTAL_BYTES) {
    throw new CredenceError('payload_too_large', `the evidence files have ${total} bytes in all; at most ${MAX_EVIDENCE_TOTAL_BYTES} are stored per dispute`);
  }
  return files.map((f, i) => {
    if (f.content.length === 0) throw new CredenceError('invalid_request', `evidence file ${i + 1} is empty`);
    if (f.content.length > MAX_EVIDENCE_BYTES) {
      throw new CredenceError('payload_too_large', `evidence file ${i + 1} has ${f.content.length} bytes; at most ${MAX_EVIDENCE_BYTES} are stored`);
    }
    if (f.name.trim() === '' || f.name.length > 200) throw new CredenceError('invalid_request', `evidence file ${i + 1} needs a name of 1-200 characters`);
    if (!MEDIA_TYPE.test(f.mediaType)) throw new CredenceError('invalid_request', `evidence file ${i + 1} has no valid media type (e.g. application/pdf)`);
    const sha256 = createHash('sha256').update(f.content).digest('hex');
    return { ref: { sha256, name: f.name, mediaType: f.mediaType, size: f.content.length }, content: f.content };
  });
}
