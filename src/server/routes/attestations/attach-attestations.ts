import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AttestationService } from '../../../attest/attestation-service.js';
import { CredenceError } from '../../../core/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Attestation signing and the issued-attestation table, when the process has them (see attachAttestations). */
    attestations?: AttestationService;
  }
}

/**
 * Gives a built app its attestation service (before it listens); the app closes it on close.
 * Until the app options carry it, this is how the server's main and the tests hand it over.
 */
export function attachAttestations(app: FastifyInstance, service: AttestationService): void {
  app.decorate('attestations', service);
  app.addHook('onClose', () => service.close());
}

/** The app's attestation service, or 503 when this server runs without one. */
export function attestationsOf(request: FastifyRequest): AttestationService {
  const service = request.server.attestations;
  if (!service) throw new CredenceError('unavailable', 'this server does not issue attestations');
  return service;
}
