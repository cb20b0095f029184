import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWebRoute, webApp } from '../../src/server/plugins/web.js';

describe('serving the built web app', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-webroot-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets/index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not an asset');
    app = Fastify();
    await app.register(webApp(dir));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the app’s own paths with index.html, never cached, under a strict content security policy', async () => {
    for (const url of ['/', '/portal', '/portal/records', '/console/rulebooks/2026.2', '/organizations/91350100M000100Y43']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>app</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets for a year, and nothing outside the assets folder', async () => {
    const asset = await app.inject('/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    for (const url of ['/assets/../secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e/secret.txt', '/secret.txt', '/assets/missing.js']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body, url).not.toContain('not an asset');
    }
  });

  it('leaves API and unknown paths to the not-found handler, and tells its routes apart', async () => {
    for (const url of ['/v1/rulebook', '/v1/no-such-route', '/favicon.ico', '/docsx', '/portalx']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<title>app</title>');
    }
    expect(isWebRoute('/assets/*')).toBe(true);
    expect(isWebRoute('/*')).toBe(true);
    expect(isWebRoute('/v1/rulebook')).toBe(false);
  });

  it('registers nothing when there is no build', async () => {
    const bare = Fastify();
    await bare.register(webApp(join(dir, 'no-such-build')));
    expect((await bare.inject('/')).statusCode).toBe(404);
    await bare.close();
  });
});
