import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { clientId, type Instant } from '../../../src/core/brand.js';
import { DEMO_FURNISHERS } from '../../../src/demo/demo-furnishers.js';
import { demoSubjects } from '../../../src/demo/demo-population.js';
import type { AuditHttp } from '../../../src/cli/log/audit-http.js';
import type { LogService } from '../../../src/log/log-service.js';
import { openLog } from '../../../src/log/open-log.js';
import { buildApp } from '../../../src/server/app.js';
import { issueKey } from '../../../src/server/clients/issue-key.js';
import { DEFAULT_LIMITS } from '../../../src/server/limits.js';
import { attachLog } from '../../../src/server/routes/log/index.js';
import { openServiceStore } from '../../../src/store/open-service-store.js';
import { openStore } from '../../../src/store/open-store.js';
import type { ServiceStore } from '../../../src/store/service-store.js';
import type { Store } from '../../../src/store/store.js';
import { TEST_ENV } from './log-db.js';

export const AS_OF: Instant = Date.UTC(2026, 4, 1);

/** A small registry with its log, served in-process; the auditor reaches it through `http` (app.inject). */
export interface TestRegistry {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly service: ServiceStore;
  readonly log: LogService;
  readonly http: AuditHttp;
  readonly auditorKey: string;
  readonly clock: { now: Instant };
  close(): Promise<void>;
}

/** The default rulebook under another version, with the defaulter rule's points changed. */
const secondRulebook = (): string => readFileSync(new URL('../../../rulebooks/default.yaml', import.meta.url), 'utf8')
  .replace(/^version: .*$/m, 'version: "2026.9-test"')
  .replace(/(- id: defaulter-refuses\n\s+type: court\.defaulter\.refuses_to_perform\n\s+points: )-?\d+/, '$1-175');

/**
 * Demo subjects furnished by the demo furnishers, some records fulfilled, corrected or retracted,
 * a second rulebook version published midway (so subjects keep standings under both), and a log
 * that has caught up and signed. A few hundred events.
 */
export async function buildRegistry(url: string, subjects = 300): Promise<TestRegistry> {
  const store = await openStore(url);
  const service = await openServiceStore(url);
  const clock = { now: AS_OF };
  const tick = (): Instant => (clock.now += 60_000);
  // Audits in a loop make many public requests from one address: lift the anonymous rate limit.
  const limits = { ratePerWindow: { ...DEFAULT_LIMITS.ratePerWindow, anonymous: 1_000_000 } };
  const app = await buildApp({ store, service, clock: () => clock.now, sweepEveryMs: null, limits });
  const ledger = app.deps.ledger;
  for (const f of DEMO_FURNISHERS) await ledger.registerClient({ id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: f.scope } }, tick());
  await ledger.registerClient({ id: 'auditor', role: 'auditor', name: 'Independent auditor', scope: {} }, tick());
  const auditorKey = (await issueKey(service, clientId('auditor'), clock.now)).key;

  let n = 0;
  for (const s of demoSubjects({ seed: 11, subjects, asOf: AS_OF })) {
    for (const r of s.records) {
      const [item] = (await ledger.furnish(r.furnisherId, [r.record], tick())).items;
      if (item?.status !== 'accepted') continue;
      n += 1;
      const id = item.recordId;
      if (r.fulfilledAt !== undefined) await ledger.fulfil(r.furnisherId, id, { fulfilledAt: Date.parse(r.fulfilledAt) }, tick());
      else if (n % 17 === 0) await ledger.retract(r.furnisherId, id, { reason: 'furnished in error' }, tick());
      else if (n % 13 === 0) {
        await ledger.correct(r.furnisherId, id, { replacement: { ...r.record, furnisherRef: `${r.record.furnisherRef}-c` }, reason: 'wrong date' }, tick());
      }
    }
    if (s.index === Math.floor(subjects / 2)) await ledger.publishRulebook(secondRulebook(), tick());
  }
  const log = await openLog(url, { env: TEST_ENV, origin: 'credence.test/log', clock: () => clock.now });
  attachLog(app, log);
  await log.checkpoint();
  const http: AuditHttp = {
    get: async (path, auth) => {
      const res = await app.inject({ method: 'GET', url: path, headers: auth ? { authorization: `Bearer ${auditorKey}` } : {} });
      return { status: res.statusCode, body: res.body };
    },
  };
  return {
    app, store, service, log, http, clock, auditorKey,
    close: async () => {
      await app.close();
      await log.close();
      await service.close();
      await store.close();
    },
  };
}
