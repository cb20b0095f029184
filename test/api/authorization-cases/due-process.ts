import { json, type Case } from '../support/authorization-case.js';

const NO_FILE = '0'.repeat(64);

// A subject reaching another subject's record or dispute is checked in test/api/disputes.test.ts (the matrix's
// shared subject session has ended by the time it tries others' objects).
export const CASES: Record<string, Case> = {
  'POST /v1/me/records/:id/disputes': {
    allowed: ['subject'], request: (s) => json('POST', `/v1/me/records/${s.courtRecord}/disputes`, { grounds: 'Not my case.' }),
  },
  'GET /v1/me/disputes': { allowed: ['subject'], request: () => json('GET', '/v1/me/disputes') },
  'POST /v1/me/disputes/:id/appeal': {
    allowed: ['subject'], request: (s) => json('POST', `/v1/me/disputes/${s.dueProcess.dispute}/appeal`, { grounds: 'The court ignored my receipt.' }),
  },
  'GET /v1/me/disputes/:id/evidence/:sha256': {
    allowed: ['subject'], request: (s) => json('GET', `/v1/me/disputes/${s.dueProcess.dispute}/evidence/${NO_FILE}`),
  },
  'POST /v1/me/records/:id/statement': {
    allowed: ['subject'], request: (s) => json('POST', `/v1/me/records/${s.courtRecord}/statement`, { text: 'I paid; the court is checking.' }),
  },
  'GET /v1/me/statements': { allowed: ['subject'], request: () => json('GET', '/v1/me/statements') },
  'POST /v1/me/restorations': {
    allowed: ['subject'], request: (s) => json('POST', '/v1/me/restorations', { recordId: s.courtRecord, listId: 'admin-penalty-publicity', grounds: 'Rectified.' }),
  },
  'GET /v1/me/restorations': { allowed: ['subject'], request: () => json('GET', '/v1/me/restorations') },
  'GET /v1/me/notices': { allowed: ['subject'], request: () => json('GET', '/v1/me/notices') },

  'GET /v1/furnisher/disputes': { allowed: ['furnisher'], request: () => json('GET', '/v1/furnisher/disputes?status=all') },
  // Operators see every dispute, so "another's object" applies to furnishers only: test/api/disputes.test.ts checks it.
  'GET /v1/disputes/:id': { allowed: ['furnisher', 'operator'], request: (s) => json('GET', `/v1/disputes/${s.dueProcess.dispute}`) },
  'GET /v1/disputes/:id/evidence/:sha256': { allowed: ['furnisher', 'operator'], request: (s) => json('GET', `/v1/disputes/${s.dueProcess.dispute}/evidence/${NO_FILE}`) },
  'POST /v1/disputes/:id/answer': {
    allowed: ['furnisher'], request: (s) => json('POST', `/v1/disputes/${s.dueProcess.dispute}/answer`, { answer: 'confirmed', explanation: 'It is yours.' }),
    othersObject: (s) => json('POST', `/v1/disputes/${s.dueProcess.court2Dispute}/answer`, { answer: 'retracted', explanation: 'x' }),
  },

  'GET /v1/operator/appeals': { allowed: ['operator'], request: () => json('GET', '/v1/operator/appeals') },
  'GET /v1/operator/restorations': { allowed: ['operator'], request: () => json('GET', '/v1/operator/restorations') },
  'POST /v1/appeals/:id/decision': {
    allowed: ['operator'], request: (s) => json('POST', `/v1/appeals/${s.dueProcess.dispute}/decision`, { outcome: 'upheld', reason: 'On the file.' }),
  },
  'POST /v1/restorations/:id/decision': {
    allowed: ['operator'], request: () => json('POST', '/v1/restorations/rst_1/decision', { outcome: 'refused', reason: 'No such application.' }),
  },

  'GET /v1/notices': { allowed: ['relying_party'], request: () => json('GET', '/v1/notices') },
};
