import { json, type Case } from '../support/authorization-case.js';

// The transparency log: checkpoints, keys, proofs and tiles are public; its rows are for auditors; a subject gets proofs of its own records only.
export const CASES: Record<string, Case> = {
  'GET /v1/log/checkpoint': { allowed: 'everyone', request: () => json('GET', '/v1/log/checkpoint') },
  'GET /v1/log/key': { allowed: 'everyone', request: () => json('GET', '/v1/log/key') },
  'GET /v1/log/proof/inclusion': { allowed: 'everyone', request: () => json('GET', '/v1/log/proof/inclusion?seq=1') },
  'GET /v1/log/proof/consistency': { allowed: 'everyone', request: () => json('GET', '/v1/log/proof/consistency?from=1') },
  'GET /v1/log/tiles/:level': { allowed: 'everyone', request: () => json('GET', '/v1/log/tiles/0') },
  'GET /v1/log/audit/events': { allowed: ['auditor'], request: () => json('GET', '/v1/log/audit/events') },
  'GET /v1/log/audit/subjects': { allowed: ['auditor'], request: () => json('GET', '/v1/log/audit/subjects') },
  'GET /v1/me/log/proofs': { allowed: ['subject'], request: () => json('GET', '/v1/me/log/proofs') },
};
