import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaulterRecord, ORGANIZATION, PERSON, startHarness, type Harness } from './support/api-harness.js';

interface OpenApi { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> }

describe('public routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('p-1', ORGANIZATION), defaulterRecord('p-2', PERSON)] } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers health and readiness', async () => {
    expect((await h.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: 'sqlite', rulebookVersion: '2026.1' });
  });

  it('reports not ready when the database does not answer', async () => {
    const other = await startHarness();
    await other.service.close();
    const res = await other.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    // The driver's own message (the connection is closed) is logged, not published.
    expect(res.json()).toMatchObject({ code: 'unavailable', detail: 'the database does not answer' });
    await other.app.close();
    await other.store.close();
  });

  it('publishes the rulebook in force with every rule and its source, and its versions', async () => {
    const rb = (await h.app.inject('/v1/rulebook')).json<{ version: string; yaml: string; document: { rules: { id: string; source: string }[] } }>();
    expect(rb.version).toBe('2026.1');
    expect(rb.document.rules.length).toBeGreaterThan(10);
    expect(rb.document.rules.every((r) => r.source.length > 0)).toBe(true);
    expect(rb.yaml).toContain('version: "2026.1"');
    expect((await h.app.inject('/v1/rulebooks')).json()).toMatchObject({ items: [{ version: '2026.1', status: 'published' }] });
    expect((await h.app.inject('/v1/rulebooks/2026.1')).json()).toMatchObject({ version: '2026.1' });
    expect((await h.app.inject('/v1/rulebooks/1999.1')).statusCode).toBe(404);
  });

  it('shows an organization\'s public profile, and nothing at all for a person', async () => {
    const org = await h.app.inject(`/v1/organizations/${ORGANIZATION.identifier}`);
    expect(org.statusCode).toBe(200);
    expect(org.json()).toMatchObject({
      subject: { kind: 'organization', identifier: ORGANIZATION.identifier },
      lists: expect.arrayContaining([expect.objectContaining({ listId: 'judgment-defaulters' })]),
      records: [expect.objectContaining({ type: 'court.defaulter.refuses_to_perform', domain: 'judicial', furnisher: 'Court A' })],
    });
    const person = await h.app.inject(`/v1/organizations/${PERSON.identifier}`);
    expect(person.statusCode).toBe(404);
    expect(person.body).not.toContain('judgment-defaulters');
    expect((await h.app.inject('/v1/organizations/91110000000000000A')).statusCode).toBe(404);
  });

  it('shows no public profile of an individual business, a natural person in law, even when it is listed', async () => {
    const shop = { scheme: 'cn-uscc', identifier: '92110105G2RT859UXB' };
    const furnished = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('p-shop', shop)] } });
    expect(furnished.json()).toMatchObject({ accepted: 1 });
    const profile = await h.app.inject(`/v1/organizations/${shop.identifier}`);
    expect(profile.statusCode).toBe(404);
    expect(profile.json()).toMatchObject({ code: 'not_found', detail: expect.stringContaining('individual business') });
    expect(profile.body).not.toContain('judgment-defaulters');
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and browsable docs', async () => {
    const doc = (await h.app.inject('/openapi.json')).json<OpenApi>();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = h.app.routeTable.filter((r) => !r.hidden).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    expect(doc.paths['/v1/checks']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths['/v1/checks']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '4XX']));
    const ui = await h.app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await h.app.inject('/v1/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'urn:credence:error:not_found', title: 'Not found', status: 404, code: 'not_found' });
  });
});
