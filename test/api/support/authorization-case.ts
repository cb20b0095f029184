import type { InjectOptions } from 'fastify';
import type { Seeded } from './seed.js';

export type Who = 'none' | 'furnisher' | 'relying_party' | 'subject' | 'operator' | 'auditor';

/**
 * One route of the authorization matrix (test/api/authorization.test.ts). Features add theirs in a
 * file of test/api/authorization-cases/ exporting `CASES`; a route without a case fails the matrix.
 */
export interface Case {
  /** Who may call the route; everyone else must be refused (401 without credentials, 403 with). */
  readonly allowed: readonly Who[] | 'everyone';
  readonly request: (s: Seeded) => InjectOptions;
  /** The same request on an object that belongs to another client of the allowed role: must not succeed. */
  readonly othersObject?: (s: Seeded) => InjectOptions;
  /** Streams never end under inject: the allowed call is covered by their own test. */
  readonly skipAllowed?: boolean;
}

export const json = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): InjectOptions =>
  ({ method, url, ...(payload ? { payload } : {}) });
