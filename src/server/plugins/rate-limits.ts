import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CredenceError, isCredenceError } from '../../core/errors.js';
import type { Limits } from '../limits.js';

/** A route's own limit (e.g. login attempts per address), or false for none (health, static files). */
export type RouteRateLimit = false | { readonly max: number; readonly key: (request: FastifyRequest) => string };

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RouteRateLimit;
  }
}

export interface WindowCounter {
  /** Counts one request of `key` in its window; the milliseconds until the window ends when it is over `max`, else 0. */
  take(key: string, max: number, now: number): number;
  /** Without counting: the milliseconds until `key`'s window ends when it already holds `max`, else 0. */
  full(key: string, max: number, now: number): number;
  readonly size: () => number;
}

/**
 * Fixed windows per key, each starting at the key's first request. Keys whose window has ended are
 * dropped at most once a window, and whenever `maxKeys` are held; if that many are still in their
 * window (requests from very many addresses), the oldest are forgotten, so memory never exceeds `maxKeys`.
 */
export function windowCounter(windowMs: number, maxKeys = 100_000): WindowCounter {
  const windows = new Map<string, { start: number; count: number }>();
  let swept = -Infinity;
  const sweep = (now: number): void => {
    swept = now;
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
    if (windows.size < maxKeys) return;
    // Down to half, so that a flood of new keys pays for a sweep once per maxKeys / 2 of them.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys / 2) break;
      windows.delete(key); // insertion order: the longest held first
    }
  };
  return {
    take: (key, max, now) => {
      if (now - swept >= windowMs || windows.size >= maxKeys) sweep(now);
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > max ? Math.max(1, w.start + windowMs - now) : 0;
    },
    full: (key, max, now) => {
      const w = windows.get(key);
      return w && now - w.start < windowMs && w.count >= max ? Math.max(1, w.start + windowMs - now) : 0;
    },
    size: () => windows.size,
  };
}

/**
 * Requests per key in each window: per API key or subject (by role) once access control has found
 * the principal, per address without one; a route may set its own limit or none. A refused request is a
 * 429 problem with Retry-After and the limit headers. The check is synchronous: nothing is awaited or
 * allocated on an allowed request beyond the counter's first of each window.
 * Windows run on real time, not the registry's clock: a limit is on how fast requests arrive.
 */
/** The 429 for a key over its limit: Retry-After and the limit headers. */
function refuse(reply: FastifyReply, max: number, waitMs: number, what: string): CredenceError {
  const seconds = Math.ceil(waitMs / 1000);
  void reply.headers({
    'retry-after': String(seconds), 'x-ratelimit-limit': String(max), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(seconds),
  });
  return new CredenceError('rate_limited', `${what}; retry in ${seconds} s`);
}

/**
 * Requests refused for bad credentials (`unauthorized`, 401) are counted per address, and an address that sent the
 * anonymous limit of them in a window is refused before its credentials are looked at: guessing keys
 * or session tokens costs the server a hash and a database read each, and the per-key limits never
 * see requests that have no valid key. Installed before access control.
 */
export function installFailedAuthLimit(app: FastifyInstance, limits: Pick<Limits, 'rateWindowMs' | 'ratePerWindow'>, clock: () => number = Date.now): void {
  const counter = windowCounter(limits.rateWindowMs);
  const max = limits.ratePerWindow.anonymous;
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const waitMs = counter.full(request.ip, max, clock());
    if (waitMs === 0) return done();
    done(refuse(reply, max, waitMs, `${max} requests with bad credentials came from this address`));
  });
  // onError runs only for a failed request: nothing is added to the path of an answered one.
  app.addHook('onError', (request: FastifyRequest, _reply: FastifyReply, error: Error, done: () => void) => {
    if (isCredenceError(error) && error.code === 'unauthorized') counter.take(request.ip, max, clock());
    done();
  });
}

export function installRateLimits(app: FastifyInstance, limits: Pick<Limits, 'rateWindowMs' | 'ratePerWindow'>, clock: () => number = Date.now): void {
  const counter = windowCounter(limits.rateWindowMs);
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const own = request.routeOptions.config.rateLimit;
    if (own === false) return done();
    let key: string;
    let max: number;
    if (own) {
      key = own.key(request);
      max = own.max;
    } else {
      const p = request.principal;
      key = p === null ? `ip:${request.ip}` : p.kind === 'client' ? `key:${p.keyId}` : `subject:${p.subjectId}`;
      max = limits.ratePerWindow[p === null ? 'anonymous' : p.role];
    }
    const waitMs = counter.take(key, max, clock());
    if (waitMs === 0) return done();
    done(refuse(reply, max, waitMs, `rate limit of ${max} requests exceeded`));
  });
}
