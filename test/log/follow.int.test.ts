import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLog } from '../../src/log/open-log.js';
import type { LogService } from '../../src/log/log-service.js';
import { buildApp } from '../../src/server/app.js';
import { attachLog } from '../../src/server/routes/log/index.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { ServiceStore } from '../../src/store/service-store.js';
import type { Store } from '../../src/store/store.js';
import { sqliteDatabases, TEST_ENV, type TestDatabases } from './support/log-db.js';

describe('the log in a running server', () => {
  let dbs: TestDatabases;
  let store: Store;
  let service: ServiceStore;
  let log: LogService;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const errors: unknown[] = [];

  beforeAll(async () => {
    dbs = sqliteDatabases();
    const url = await dbs.create('follow');
    store = await openStore(url);
    service = await openServiceStore(url);
    log = await openLog(url, { env: TEST_ENV, onError: (e) => errors.push(e) });
    app = await buildApp({ store, service, onAppend: log.onAppend, sweepEveryMs: null });
    attachLog(app, log);
    log.start();
  });
  afterAll(async () => {
    await app.close();
    await log.close();
    await service.close();
    await store.close();
    dbs.stop();
  });

  it('follows the ledger by itself and signs a checkpoint covering new events within about a second', async () => {
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      await app.deps.ledger.registerClient({ id: `auditor-${i}`, role: 'auditor', name: `Auditor ${i}`, scope: {} }, Date.now());
      await sleep(150);
    }
    const { count } = await store.read((tx) => tx.eventStats());
    let covered = 0;
    while (covered < count && Date.now() - start < 5_000) {
      await sleep(50);
      covered = (await log.latestCheckpoint())?.size ?? 0;
    }
    expect(covered).toBe(count);
    // The last event was recorded about 150 ms before the loop above started waiting.
    expect(Date.now() - start).toBeLessThan(750 + 1_300);
    const res = await app.inject({ method: 'GET', url: '/v1/log/checkpoint' });
    expect(res.body.split('\n')[1]).toBe(String(count));
    expect(errors).toEqual([]);
  });
});
