import type { FastifyRequest } from 'fastify';
import { clientId, type ClientId } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import { clientOf } from '../plugins/access-control.js';

/**
 * Who controls the key a request came with: the client whose key issued it over the API (through any
 * chain), or the calling client itself when its key was issued on the host. Whoever issued a key holds
 * it too, so two steps that must come from two operators must come from keys of two controllers.
 */
export async function keyController(service: ServiceStore, request: FastifyRequest): Promise<ClientId> {
  const { client, keyId } = clientOf(request);
  const key = (await service.apiKeysOf(clientId(client.id))).find((k) => k.id === keyId);
  return key?.controlledBy ?? clientId(client.id);
}
