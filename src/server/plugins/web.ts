import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `vite build web` writes the browser app: web/dist at the package root (same depth from src/ and dist/). */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the browser app routes itself; each serves index.html. API paths (/v1, /docs, ...) never do. */
const APP_PATHS = [
  '/', '/rulebook', '/organizations', '/organizations/:code', '/login', '/portal', '/portal/*', '/console', '/console/*',
] as const;
const WEB_ROUTES: ReadonlySet<string> = new Set(['/assets/*', ...APP_PATHS]);

/** True for the routes that serve the browser app (not API routes: no schema, not in the OpenAPI document). */
export const isWebRoute = (url: string): boolean => WEB_ROUTES.has(url);

// The app loads only its own files; charts set inline styles and the QR code is a data: image.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
  + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const route = { config: { access: 'public' as const, rateLimit: false }, schema: { hide: true } };

const securityHeaders = (reply: FastifyReply): FastifyReply =>
  reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached. Without a build
 * (API-only use, or tests that never open a browser) it registers nothing.
 */
export function webApp(root: string = WEB_ROOT): FastifyPluginAsync {
  return async (app) => {
    if (!existsSync(`${root}/index.html`)) {
      app.log.info({ root }, 'no web build found; serving the API only (run `npm run build`)');
      return;
    }
    await app.register(fastifyStatic, { root, serve: false });
    app.get('/assets/*', route, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return securityHeaders(reply).sendFile(`assets/${file}`, root, { immutable: true, maxAge: '365d' });
    });
    for (const path of APP_PATHS) {
      app.get(path, route, (_request, reply) =>
        securityHeaders(reply).header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false }));
    }
  };
}
