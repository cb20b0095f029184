import { json, type Case } from '../support/authorization-case.js';

// Oversight figures are aggregates for the registry's overseers: operators and auditors, nobody else.
export const CASES: Record<string, Case> = {
  'GET /v1/oversight': { allowed: ['operator', 'auditor'], request: () => json('GET', '/v1/oversight') },
};
