import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/cli/log/audit-log.js';
import type { AuditState } from '../../src/cli/log/audit-state.js';
import { encodeBase64 } from '../../src/core/merkle/index.js';
import { sqliteDatabases, type TestDatabases } from './support/log-db.js';
import { buildRegistry, type TestRegistry } from './support/registry.js';

describe('the auditor on an honest registry', () => {
  let dbs: TestDatabases;
  let r: TestRegistry;
  let state: AuditState;
  beforeAll(async () => {
    dbs = sqliteDatabases();
    r = await buildRegistry(await dbs.create('honest'));
    const report = await auditLog(r.http, { state: null });
    expect(report.problems).toEqual([]);
    state = report.nextState as AuditState;
  });
  afterAll(async () => {
    await r.close();
    dbs.stop();
  });

  it('replays every event under both published rulebooks and remembers the checkpoint it verified', async () => {
    const report = await auditLog(r.http, { state });
    expect(report).toMatchObject({ ok: true, trust: 'remembered', previousSize: state.size, counts: { rulebooks: 2 } });
    expect(report.counts.events).toBeGreaterThan(200);
    expect(report.counts.standings).toBe(report.counts.subjects);
    expect(report.nextState?.size).toBe(report.counts.events);
  });

  it('keeps passing while the registry keeps writing, and follows the log as it grows', async () => {
    const before = await r.log.latestCheckpoint();
    await r.app.deps.ledger.registerClient({ id: 'auditor-2', role: 'auditor', name: 'Second auditor', scope: {} }, r.clock.now);
    const during = await auditLog(r.http, { state }); // the new event is not signed yet
    expect(during.problems).toEqual([]);
    await r.log.checkpoint();
    const after = await auditLog(r.http, { state });
    expect(after.ok).toBe(true);
    expect(after.checkpoint?.size).toBe((before?.size ?? 0) + 1);
  });

  it('reports a rollback and a split view against the checkpoint it remembers', async () => {
    const rollback = await auditLog(r.http, { state: { ...state, size: state.size + 10 } });
    expect(rollback.problems).toContainEqual(expect.objectContaining({ kind: 'consistency', detail: expect.stringContaining('rollback') }));
    const split = await auditLog(r.http, { state: { ...state, root: encodeBase64(new Uint8Array(32)) } });
    expect(split.ok).toBe(false);
    expect(split.problems.map((p) => p.kind)).toContain('consistency');
    expect(split.nextState).toBeNull();
  });
});
