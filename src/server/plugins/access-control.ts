import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CredenceError } from '../../core/errors.js';
import type { Authenticator } from '../auth/authenticator.js';
import { SESSION_COOKIE } from '../auth/authenticator.js';
import type { Access, Principal, Role } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every route. */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  /** Left out of the OpenAPI document (the docs themselves, the web app's pages). */
  readonly hidden: boolean;
}

/** Routes that plugins register without a config of ours: the browsable API docs. */
const DOCS = /^\/docs(\/|$)/;

/**
 * Authentication and role checks for every route, before the body is even read. A route that does
 * not declare its access makes the app fail to start; the table of routes is kept for tests and docs.
 */
export function installAccessControl(app: FastifyInstance, auth: Authenticator): readonly RouteEntry[] {
  const table: RouteEntry[] = [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    let access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined && DOCS.test(route.url)) {
      access = 'public';
      route.config = { ...route.config, access };
    }
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
    const hidden = DOCS.test(route.url) || (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access, hidden });
  });
  const admit = (request: FastifyRequest, access: readonly Role[], principal: Principal | null): void => {
    if (!principal) {
      throw new CredenceError('unauthorized', `this route is for ${access.join(', ')}: send "Authorization: Bearer <API key>" or log in as a subject`);
    }
    if (!access.includes(principal.role)) {
      throw new CredenceError('forbidden', `this route is for ${access.join(', ')}, not for a ${principal.role}`);
    }
    request.principal = principal;
  };
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return done();
    const admitted = (principal: Principal | null): void => {
      try {
        admit(request, access, principal);
      } catch (e) {
        return done(e as Error);
      }
      done();
    };
    // A key used in the last seconds is admitted without a turn of the event loop (the hot path of checks).
    const known = auth.cached(request.headers.authorization);
    if (known) return admitted(known);
    auth.authenticate(request.headers.authorization, request.headers.cookie).then(admitted, (e: unknown) => done(e as Error));
  });
  return table;
}

/** The calling client, on routes only clients can reach. */
export function clientOf(request: FastifyRequest): Extract<Principal, { kind: 'client' }> {
  const p = request.principal;
  if (p?.kind !== 'client') throw new CredenceError('forbidden', 'this route is for API clients');
  return p;
}

/** The logged-in subject, on subject routes. */
export function subjectOf(request: FastifyRequest): Extract<Principal, { kind: 'subject' }> {
  const p = request.principal;
  if (p?.kind !== 'subject') throw new CredenceError('forbidden', 'this route is for a logged-in subject');
  return p;
}

export { SESSION_COOKIE };
