import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `vite build web` writes the browser app: web/dist at the package root (same depth from src/ and dist/). */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** First path segments the browser app routes itself; each serves index.html. Anything else stays a 404 problem. */
const APP_SECTIONS: ReadonlySet<string> = new Set(['', 'rulebook', 'organizations', 'login', 'portal', 'console']);

/** True for a path the browser app handles (`/`, `/rulebook`, `/portal/...`), never for API paths. */
export const isAppPath = (pathname: string): boolean => APP_SECTIONS.has(pathname.split('/')[1] ?? '');

/** The routes that serve the browser app rather than the API (hidden from the OpenAPI document). */
export const isWebRoute = (url: string): boolean => url === '/*' || url === '/assets/*';

// The app loads only its own files; charts set inline styles and the QR code is a data: image.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
  + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// Not API routes: public, outside the OpenAPI document, and not counted against the per-IP rate limit.
const route = { config: { access: 'public' as const, rateLimit: false as const }, schema: { hide: true } };

const securityHeaders = (reply: FastifyReply): FastifyReply =>
  reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');

/**
 * Serves the built web app: hashed assets cached for a year, index.html for the app's own paths and
 * never cached. Without a build (API-only use, or tests that never open a browser) it registers nothing.
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
    app.get('/*', route, (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (!isAppPath(pathname)) return reply.callNotFound();
      return securityHeaders(reply).header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
    });
  };
}
