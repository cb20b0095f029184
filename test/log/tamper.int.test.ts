import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type AuditReport } from '../../src/cli/log/audit-log.js';
import type { AuditProblem } from '../../src/cli/log/audit-problems.js';
import type { AuditState } from '../../src/cli/log/audit-state.js';
import { mulberry32, pick } from '../../src/core/random.js';
import { databasesFor, type Dialect, type TestDatabases } from './support/log-db.js';
import { openRawDb, type RawDb } from './support/raw-db.js';
import { buildRegistry, type TestRegistry } from './support/registry.js';
import { tamper, type Tampering, type Target } from './support/tamper.js';

const TRIALS = 100;
const TARGETS: readonly Target[] = ['records', 'standings', 'events', 'tiles'];

/** Does the problem point at the row that was changed: its event, its subject, its record or its tile? */
function names(p: AuditProblem, t: Tampering): boolean {
  const { row } = t;
  switch (t.target) {
    case 'events': return p.seq === Number(row.seq) && (p.kind === 'event' || p.kind === 'proof');
    case 'records': return (p.kind === 'record' && p.seq === Number(row.seq)) || (p.subjectId === row.subject_id && p.kind === 'record');
    case 'standings': return p.subjectId === row.id;
    case 'tiles': return p.tile === `${String(row.level)}/${String(row.idx)}`;
  }
}

describe.each<Dialect>(['sqlite', 'postgres'])('tampering with the %s database', (dialect) => {
  let dbs: TestDatabases;
  let registry: TestRegistry;
  let db: RawDb;
  let state: AuditState;

  beforeAll(async () => {
    dbs = await databasesFor(dialect);
    const url = await dbs.create('tamper');
    registry = await buildRegistry(url, 600);
    db = await openRawDb(url);
    const clean = await auditLog(registry.http, { state: null });
    expect(clean.problems).toEqual([]);
    state = clean.nextState as AuditState;
  });
  afterAll(async () => {
    await db.close();
    await registry.close();
    dbs.stop();
  });

  it(`is reported by the auditor, naming the changed row, for ${TRIALS} of ${TRIALS} random changes`, async () => {
    const rng = mulberry32(dialect === 'sqlite' ? 6962 : 9162);
    const missed: string[] = [];
    const unnamed: string[] = [];
    const seen = new Map<Target, number>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const t = await tamper(db, pick(rng, TARGETS), rng, trial);
      seen.set(t.target, (seen.get(t.target) ?? 0) + 1);
      let report: AuditReport;
      try {
        report = await auditLog(registry.http, { state });
      } finally {
        await t.restore();
      }
      const what = `${t.table} ${JSON.stringify(t.row.seq ?? t.row.id ?? `${String(t.row.level)}/${String(t.row.idx)}`)} ${t.column}: ${String(t.before).slice(0, 40)} -> ${String(t.after).slice(0, 40)}`;
      if (process.env.TAMPER_DEBUG) console.log(`${what}\n   => ${report.problems[0]?.detail ?? "OK"}`);
      if (report.ok) missed.push(what);
      else if (!report.problems.some((p) => names(p, t))) unnamed.push(`${what}\n      ${report.problems.slice(0, 3).map((p) => p.detail).join('\n      ')}`);
    }
    expect(missed).toEqual([]);
    expect(unnamed).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...TARGETS].sort());
    // Every change was put back: the registry audits clean again.
    expect((await auditLog(registry.http, { state })).problems).toEqual([]);
  });
});
