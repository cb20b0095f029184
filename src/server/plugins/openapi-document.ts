import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { API_KEY_PREFIX, SESSION_PREFIX } from '../auth/secrets.js';
import { SESSION_COOKIE } from '../auth/authenticator.js';

/** The static part of the OpenAPI document; paths and schemas are generated from the routes. */
export const openapiDocument: NonNullable<FastifyDynamicSwaggerOptions['openapi']> = {
  openapi: '3.1.0',
  info: {
    title: 'Credence API',
    version: '1',
    description: 'The registry\'s HTTP API for furnishers, relying parties, subjects, operators, auditors and the public. '
      + 'Errors are application/problem+json (RFC 9457) with a stable `code` listed in docs/errors.md.',
  },
  tags: [
    { name: 'public', description: 'No login: health, the published rulebook, organizations\' public profiles' },
    { name: 'furnisher', description: 'Submit records and change the ones you submitted' },
    { name: 'relying party', description: 'Checks at the counter and the stream of standing changes' },
    { name: 'subject', description: 'Log in and read your own file' },
    { name: 'operator', description: 'Clients, subjects, rulebook drafts' },
    { name: 'auditor', description: 'Read-only: events and standings' },
  ],
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: `API key of a client (${API_KEY_PREFIX}…)` },
      sessionToken: { type: 'http', scheme: 'bearer', description: `Subject session token (${SESSION_PREFIX}…)` },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
    },
  },
};
