/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRid } from '../../src/core/identifiers/index.js';
import { mulberry32 } from '../../src/core/random.js';
import { defaulterRecord, ORGANIZATION, OTHER_PERSON, PASSWORD, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { json, type Case, type Who } from './support/authorization-case.js';
import { FLIGHT, seed, type Seeded } from './support/seed.js';

const EVERYONE: readonly Who[] = ['none', 'furnisher', 'relying_party', 'subject', 'operator', 'auditor'];
const freshSubject = { scheme: 'cn-rid', identifier: generateRid(mulberry32(7), { region: '110105' }) };
let clientCounter = 0;

/** Cases other features contribute (test/api/authorization-cases/*.ts). */
const CONTRIBUTED = Object.values(import.meta.glob<{ CASES: Record<string, Case> }>('./authorization-cases/*.ts', { eager: true }))
  .reduce<Record<string, Case>>((all, m) => ({ ...all, ...m.CASES }), {});

/** Every route of the API. A route missing here fails the test: its access must be decided on purpose. */
const CASES: Record<string, Case> = {
  ...CONTRIBUTED,
  'GET /healthz': { allowed: 'everyone', request: () => json('GET', '/healthz') },
  'GET /readyz': { allowed: 'everyone', request: () => json('GET', '/readyz') },
  'GET /openapi.json': { allowed: 'everyone', request: () => json('GET', '/openapi.json') },
  'GET /v1/rulebook': { allowed: 'everyone', request: () => json('GET', '/v1/rulebook') },
  'GET /v1/rulebooks': { allowed: 'everyone', request: () => json('GET', '/v1/rulebooks') },
  'GET /v1/rulebooks/:version': { allowed: 'everyone', request: () => json('GET', '/v1/rulebooks/2026.1') },
  'GET /v1/organizations/:code': { allowed: 'everyone', request: () => json('GET', `/v1/organizations/${ORGANIZATION.identifier}`) },
  'POST /v1/session': { allowed: 'everyone', request: () => json('POST', '/v1/session', { subject: PERSON, password: PASSWORD }) },

  'POST /v1/records': { allowed: ['furnisher'], request: () => json('POST', '/v1/records', { records: [defaulterRecord(`m-${++clientCounter}`, OTHER_PERSON)] }) },
  'GET /v1/records/:id': {
    allowed: ['furnisher'], request: (s) => json('GET', `/v1/records/${s.courtRecord}`), othersObject: (s) => json('GET', `/v1/records/${s.court2Record}`),
  },
  'POST /v1/records/:id/fulfilment': {
    allowed: ['furnisher'], request: (s) => json('POST', `/v1/records/${s.courtRecord}/fulfilment`, {}),
    othersObject: (s) => json('POST', `/v1/records/${s.court2Record}/fulfilment`, {}),
  },
  'POST /v1/records/:id/correction': {
    allowed: ['furnisher'], request: (s) => json('POST', `/v1/records/${s.courtRecord}/correction`, { replacement: defaulterRecord('corr-1'), reason: 'wrong case number' }),
    othersObject: (s) => json('POST', `/v1/records/${s.court2Record}/correction`, { replacement: defaulterRecord('corr-2', ORGANIZATION), reason: 'x' }),
  },
  'POST /v1/records/:id/retraction': {
    allowed: ['furnisher'], request: (s) => json('POST', `/v1/records/${s.courtRecord}/retraction`, { reason: 'furnished in error' }),
    othersObject: (s) => json('POST', `/v1/records/${s.court2Record}/retraction`, { reason: 'furnished in error' }),
  },
  'GET /v1/furnisher/submissions': { allowed: ['furnisher'], request: () => json('GET', '/v1/furnisher/submissions') },
  'GET /v1/furnisher/submissions/:id': {
    allowed: ['furnisher'], request: (s) => json('GET', `/v1/furnisher/submissions/${s.courtSubmission}`),
    othersObject: (s) => json('GET', `/v1/furnisher/submissions/${s.court2Submission}`),
  },

  'POST /v1/checks': { allowed: ['relying_party'], request: () => json('POST', '/v1/checks', { subject: PERSON, ...FLIGHT }) },
  'GET /v1/checks/:decisionId': {
    allowed: ['relying_party'], request: (s) => json('GET', `/v1/checks/${s.airlineDecision}`),
    othersObject: (s) => json('GET', `/v1/checks/${s.railwayDecision}`),
  },
  'GET /v1/stream': { allowed: ['relying_party'], request: () => json('GET', '/v1/stream'), skipAllowed: true },

  'GET /v1/me/file': { allowed: ['subject'], request: () => json('GET', '/v1/me/file') },
  'GET /v1/me/history': { allowed: ['subject'], request: () => json('GET', '/v1/me/history') },
  'PUT /v1/me/password': { allowed: ['subject'], request: () => json('PUT', '/v1/me/password', { current: PASSWORD, next: PASSWORD }) },
  'DELETE /v1/session': { allowed: ['subject'], request: () => json('DELETE', '/v1/session') },

  'GET /v1/clients': { allowed: ['operator'], request: () => json('GET', '/v1/clients') },
  'POST /v1/clients': {
    allowed: ['operator'], request: () => json('POST', '/v1/clients', { id: `auditor-${++clientCounter}`, role: 'auditor', name: 'Another auditor' }),
  },
  'GET /v1/clients/:id': { allowed: ['operator'], request: () => json('GET', '/v1/clients/airline') },
  'POST /v1/clients/:id/keys': { allowed: ['operator'], request: () => json('POST', '/v1/clients/victim/keys') },
  'POST /v1/clients/:id/keys/:keyId/revocation': { allowed: ['operator'], request: () => json('POST', `/v1/clients/victim/keys/${victimKey}/revocation`) },
  'POST /v1/clients/:id/revocation': { allowed: ['operator'], request: () => json('POST', '/v1/clients/victim/revocation', { reason: 'test' }) },
  'GET /v1/subjects/:subjectId': { allowed: ['operator'], request: () => json('GET', `/v1/subjects/cn-rid:${PERSON.identifier}`) },
  'POST /v1/subjects/:subjectId/enrolment': {
    allowed: ['operator'], request: () => json('POST', `/v1/subjects/cn-rid:${freshSubject.identifier}/enrolment`, {}),
  },
  'POST /v1/rulebooks/drafts': {
    allowed: ['operator'],
    request: (s) => ({ method: 'POST', url: '/v1/rulebooks/drafts', payload: s.draftYaml, headers: { 'content-type': 'application/yaml' } }),
  },
  'GET /v1/rulebooks/drafts': { allowed: ['operator'], request: () => json('GET', '/v1/rulebooks/drafts') },
  'GET /v1/rulebooks/drafts/:version': { allowed: ['operator'], request: (s) => json('GET', `/v1/rulebooks/drafts/${s.draftVersion}`) },
  'GET /v1/rulebooks/drafts/:version/preview': { allowed: ['operator'], request: (s) => json('GET', `/v1/rulebooks/drafts/${s.draftVersion}/preview`) },
  'POST /v1/rulebooks/drafts/:version/approval': { allowed: ['operator'], request: (s) => json('POST', `/v1/rulebooks/drafts/${s.draftVersion}/approval`) },
  'POST /v1/rulebooks/drafts/:version/publication': { allowed: ['operator'], request: (s) => json('POST', `/v1/rulebooks/drafts/${s.draftVersion}/publication`) },

  'GET /v1/audit/events': { allowed: ['auditor'], request: () => json('GET', '/v1/audit/events') },
  'GET /v1/audit/standings': { allowed: ['auditor'], request: () => json('GET', '/v1/audit/standings') },
};
let victimKey = '';

describe('authorization: every route x every role x own and others\' objects', () => {
  let h: Harness;
  let s: Seeded;
  const credential = (who: Who): string | null => ({
    none: null, furnisher: h.keys.court, relying_party: h.keys.airline, subject: s.subjectToken, operator: h.keys.operator, auditor: h.keys.auditor,
  })[who];

  beforeAll(async () => {
    h = await startHarness();
    s = await seed(h, OTHER_PERSON, 'operator2');
    const victim = await h.call(h.keys.operator, json('POST', '/v1/clients', { id: 'victim', role: 'auditor', name: 'Victim' }));
    victimKey = (victim.json() as { apiKey: { id: string } }).apiKey.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('has a case for every route, and a route for every case', () => {
    const routes = new Set(h.app.routeTable.filter((r) => !r.url.startsWith('/docs')).map((r) => `${r.method} ${r.url}`));
    const missing = [...routes].filter((r) => !(r in CASES));
    const stale = Object.keys(CASES).filter((c) => !routes.has(c));
    // A new route needs a case (here or in test/api/authorization-cases/) saying who may call it.
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('declares in the route table exactly the roles the cases allow', () => {
    for (const r of h.app.routeTable.filter((x) => !x.url.startsWith('/docs'))) {
      const c = CASES[`${r.method} ${r.url}`];
      const expected = c?.allowed === 'everyone' ? 'public' : [...(c?.allowed ?? [])].sort();
      expect({ route: `${r.method} ${r.url}`, access: r.access === 'public' ? 'public' : [...r.access].sort() }).toEqual({ route: `${r.method} ${r.url}`, access: expected });
    }
  });

  it('refuses every role a route does not name, and lets the named ones through', async () => {
    // The logout case ends the shared subject session, so it runs last.
    const order = Object.entries(CASES).sort(([a], [b]) => Number(a === 'DELETE /v1/session') - Number(b === 'DELETE /v1/session'));
    const unexpected: string[] = [];
    for (const [route, c] of order) {
      for (const who of EVERYONE) {
        const allowed = c.allowed === 'everyone' || c.allowed.includes(who);
        if (allowed && c.skipAllowed) continue;
        const res = await h.call(credential(who), c.request(s));
        // Allowed: anything but a refusal or a fault (a feature this server does not run may answer 503).
        const ok = allowed ? ![401, 403, 500].includes(res.statusCode) : res.statusCode === (who === 'none' ? 401 : 403);
        if (!ok) unexpected.push(`${route} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (!allowed) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('never lets a client reach another client\'s object', async () => {
    const leaks: string[] = [];
    for (const [route, c] of Object.entries(CASES)) {
      if (!c.othersObject || c.allowed === 'everyone') continue;
      for (const who of c.allowed) {
        const res = await h.call(credential(who), c.othersObject(s));
        if (![403, 404].includes(res.statusCode)) leaks.push(`${route} as ${who} on another's object: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('gives subjects no route that names a subject: a subject reaches only its own file', async () => {
    const subjectRoutes = h.app.routeTable.filter((r) => r.access !== 'public' && r.access.includes('subject'));
    expect(subjectRoutes.length).toBeGreaterThan(0);
    // Parameters name the subject's own objects (an attestation id), never a subject.
    for (const r of subjectRoutes) expect(r.url).not.toMatch(/:(subject|scheme|identifier|code)/i);
    const other = await h.call(s.otherSubjectToken, json('GET', '/v1/me/file'));
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(PERSON.identifier);
    expect((other.json() as { subject: { identifier: string } }).subject.identifier).toBe(OTHER_PERSON.identifier);
  });
});
