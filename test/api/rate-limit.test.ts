import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/server/limits.js';
import { PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ limits: { ratePerWindow: { ...DEFAULT_LIMITS.ratePerWindow, relying_party: 3 } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 429 with Retry-After once a key exceeds its limit, and counts each key separately', async () => {
    const check = (key: string) => h.call(key, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    for (let i = 0; i < 3; i++) expect((await check(h.keys.airline)).statusCode).toBe(200);
    const limited = await check(h.keys.airline);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect((await check(h.keys.railway)).statusCode).not.toBe(429);
  });

  it('limits login attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= DEFAULT_LIMITS.loginPerWindow; i++) {
      codes.push((await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: PERSON, password: `guess ${i}` } })).statusCode);
    }
    expect(codes.slice(0, -1).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('requests with bad credentials', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ limits: { ratePerWindow: { ...DEFAULT_LIMITS.ratePerWindow, anonymous: 5 } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('are counted per address, and past the anonymous limit the address is refused before any key is looked up', async () => {
    const guess = (i: number) => h.call(`crd_live_guess${i}`, { method: 'GET', url: '/v1/me/file' });
    for (let i = 0; i < 5; i++) expect((await guess(i)).statusCode).toBe(401);
    const refused = await guess(5);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', detail: expect.stringContaining('bad credentials') });
    // For the rest of the window the address is refused whatever it sends.
    expect((await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } })).statusCode).toBe(429);
  });
});
