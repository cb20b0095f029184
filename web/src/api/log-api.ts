import type { SubjectProofsWire } from '../../../src/log/proof-wire.js';
import { request } from './http.js';

// The transparency log: public checkpoint and key, and the logged-in subject's own proofs.

export const fetchCheckpointNote = (signal: AbortSignal): Promise<string> => request('/v1/log/checkpoint', { signal, asText: true });
export const fetchLogKey = (signal?: AbortSignal): Promise<string> =>
  request('/v1/log/key', { asText: true, ...(signal ? { signal } : {}) });
export const fetchMyProofs = (): Promise<SubjectProofsWire> => request('/v1/me/log/proofs', { as: 'subject' });
