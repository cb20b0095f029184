import { json, type Case } from '../support/authorization-case.js';

// Webhooks belong to a relying party: only relying parties register them, and each reaches only its own.
export const CASES: Record<string, Case> = {
  'POST /v1/webhooks': { allowed: ['relying_party'], request: () => json('POST', '/v1/webhooks', { url: 'https://airline.example.com/another' }) },
  'GET /v1/webhooks': { allowed: ['relying_party'], request: () => json('GET', '/v1/webhooks') },
  'GET /v1/webhooks/:webhookId/deliveries': {
    allowed: ['relying_party'],
    request: (s) => json('GET', `/v1/webhooks/${s.airlineWebhook}/deliveries`),
    othersObject: (s) => json('GET', `/v1/webhooks/${s.railwayWebhook}/deliveries`),
  },
  'DELETE /v1/webhooks/:webhookId': {
    allowed: ['relying_party'],
    request: (s) => json('DELETE', `/v1/webhooks/${s.airlineWebhook}`),
    othersObject: (s) => json('DELETE', `/v1/webhooks/${s.railwayWebhook}`),
  },
};
