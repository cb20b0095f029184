import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBase64, leafHash, openCheckpoint, parseVerifierKey, rootFromLeaves, verifyConsistency, verifyInclusion, type NoteVerifier,
} from '../../src/core/merkle/index.js';
import { leafBytes } from '../../src/log/leaf-bytes.js';
import type { LogService } from '../../src/log/log-service.js';
import { nodeCryptoHasher as h } from '../../src/log/node-hasher.js';
import { openLog } from '../../src/log/open-log.js';
import type { SubjectProofsWire } from '../../src/log/proof-wire.js';
import { verifySubjectProofs } from '../../src/log/verify-subject-proofs.js';
import { attachLog } from '../../src/server/routes/log/index.js';
import { defaulterRecord, ORGANIZATION, PERSON, startHarness, type Harness } from '../api/support/api-harness.js';
import { TEST_ENV } from './support/log-db.js';

const b64 = (items: readonly string[]): Uint8Array[] => items.map((s) => decodeBase64(s) as Uint8Array);

describe('log routes', () => {
  let dir: string;
  let api: Harness;
  let log: LogService;
  let verifier: NoteVerifier;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-log-routes-'));
    const url = `sqlite:${join(dir, 'credence.db')}`;
    api = await startHarness({ url });
    log = await openLog(url, { env: TEST_ENV, origin: 'credence.test/log' });
    attachLog(api.app, log);
    for (const [i, subject] of [PERSON, ORGANIZATION, PERSON].entries()) {
      const res = await api.call(api.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord(`log-${i}`, subject)] } });
      expect(res.statusCode).toBeLessThan(300);
    }
    await log.checkpoint();
  });
  afterAll(async () => {
    await api.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publish the key and a signed checkpoint anyone can check, with proofs that verify against it', async () => {
    const key = await api.call(null, { method: 'GET', url: '/v1/log/key' });
    expect(key.headers['content-type']).toMatch(/^text\/plain/);
    const parsed = parseVerifierKey(key.body.trim());
    if (!parsed.ok) throw new Error(parsed.error);
    verifier = parsed.key;
    const note = await api.call(null, { method: 'GET', url: '/v1/log/checkpoint' });
    const opened = openCheckpoint(note.body, [verifier]);
    if (!opened.ok) throw new Error(opened.detail);
    const { size, root } = opened.checkpoint;

    const events = (await api.store.read((tx) => tx.events(1, 1000)));
    expect(size).toBe(events.length);
    const last = events.at(-1);
    if (!last) throw new Error('no events');
    const proof = await api.call(null, { method: 'GET', url: `/v1/log/proof/inclusion?seq=${last.seq}` });
    expect(proof.json()).toMatchObject({ seq: last.seq, leafIndex: last.seq - 1, size });
    expect(verifyInclusion(h, leafHash(h, leafBytes(last)), last.seq - 1, size, b64((proof.json() as { proof: string[] }).proof), root)).toBe(true);

    const consistency = await api.call(null, { method: 'GET', url: `/v1/log/proof/consistency?from=2&to=${size}` });
    const oldRoot = rootFromLeaves(h, events.slice(0, 2).map(leafBytes));
    expect(verifyConsistency(h, 2, size, oldRoot, root, b64((consistency.json() as { proof: string[] }).proof))).toBe(true);

    const beyond = await api.call(null, { method: 'GET', url: `/v1/log/proof/inclusion?seq=${size + 1}` });
    expect(beyond.statusCode).toBe(404);
    expect(beyond.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('give a subject its own events, each with a proof the web or CLI verifies offline', async () => {
    const token = await api.login(PERSON);
    const res = await api.call(token, { method: 'GET', url: '/v1/me/log/proofs' });
    expect(res.statusCode).toBe(200);
    const answer = res.json() as SubjectProofsWire;
    expect(answer.items.map((i) => i.event.event.subjectId)).toEqual([`cn-rid:${PERSON.identifier}`, `cn-rid:${PERSON.identifier}`]);
    const check = verifySubjectProofs(h, answer, verifier);
    expect(check).toMatchObject({ ok: true, events: [{ verdict: 'included' }, { verdict: 'included' }] });
    // A changed event no longer matches its proof.
    const first = answer.items[0];
    if (!first) throw new Error('no items');
    const altered = { ...answer, items: [{ ...first, event: { ...first.event, recordedAt: first.event.recordedAt + 1 } }] };
    expect(verifySubjectProofs(h, altered, verifier)).toMatchObject({ ok: false, events: [{ verdict: 'invalid' }] });
  });

  it('serve the stored tiles publicly and the raw ledger rows to auditors only', async () => {
    const tiles = await api.call(null, { method: 'GET', url: '/v1/log/tiles/0?from=0&count=4' });
    const stored = await log.store.tileRange(0, 0, 4);
    expect((tiles.json() as { tiles: { hashes: string }[] }).tiles.map((t) => decodeBase64(t.hashes))).toEqual(stored.map((t) => Uint8Array.from(t.hashes)));
    for (const url of ['/v1/log/audit/events', '/v1/log/audit/subjects']) {
      expect((await api.call(api.keys.court, { method: 'GET', url })).statusCode).toBe(403);
      expect((await api.call(null, { method: 'GET', url })).statusCode).toBe(401);
      expect((await api.call(api.keys.auditor, { method: 'GET', url })).statusCode).toBe(200);
    }
    const page = (await api.call(api.keys.auditor, { method: 'GET', url: '/v1/log/audit/subjects' })).json() as { subjects: { id: string }[]; records: unknown[] };
    expect(page.subjects.map((s) => s.id).sort()).toEqual([`cn-rid:${PERSON.identifier}`, `cn-uscc:${ORGANIZATION.identifier}`].sort());
    expect(page.records).toHaveLength(3);
  });
});
