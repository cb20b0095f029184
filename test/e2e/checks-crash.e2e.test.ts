import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { decisionId } from '../../src/core/brand.js';
import { mulberry32, randomInt } from '../../src/core/random.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const KILLS = 4;
const CONCURRENT = 32;
const CHECK = {
  subject: { scheme: 'cn-rid', identifier: '11010519491231002X' }, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' },
};
const rng = mulberry32(Number(process.env['CRASH_SEED'] ?? Date.now() % 2 ** 32));

/** Checks from CONCURRENT clients until the server goes away; the decision ids of every answer read in full. */
async function checkUntilGone(url: string, key: string): Promise<string[]> {
  const answered: string[] = [];
  const client = async (): Promise<void> => {
    for (;;) {
      try {
        const res = await fetch(`${url}/v1/checks`, {
          method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(CHECK),
        });
        const body = (await res.json()) as { decisionId?: string };
        expect(res.status).toBe(200);
        answered.push(String(body.decisionId));
      } catch (e) {
        if (e instanceof TypeError) return; // the connection was cut: the server is gone
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, client));
  return answered;
}

describe('checks when the server is killed', () => {
  it(`leaves no answered decision unrecorded when the server is killed with SIGKILL under load, ${KILLS} times`, async () => {
    let server: ServerProcess = await startServerProcess('checks-crash');
    const { db, operatorKey } = server;
    const airline = await server.call(operatorKey, 'POST', '/v1/clients', {
      id: 'airline-crash', role: 'relying_party', name: 'Crash Airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] },
    });
    const key = (airline.json.apiKey as { key: string }).key;
    let total = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const load = checkUntilGone(server.url, key);
      await sleep(randomInt(rng, 300, 1200));
      const exited = once(server.process, 'exit');
      server.process.kill('SIGKILL');
      await exited;
      const answered = await load;
      expect(answered.length, `kill ${kill}: the load got answers before the kill`).toBeGreaterThan(0);

      const service = await openServiceStore(db);
      try {
        const missing = [];
        for (const id of answered) if (!(await service.inquiry(decisionId(id)))) missing.push(id);
        expect(missing, `kill ${kill}: answered decisions missing from the inquiry log after the restart`).toEqual([]);
      } finally {
        await service.close();
      }
      total += answered.length;
      server = await startServerProcess('checks-crash', db);
    }
    // The server started on the crashed database serves checks again, and keeps recording them.
    const after = await server.call(key, 'POST', '/v1/checks', CHECK);
    expect(after.status).toBe(200);
    expect(await server.stop()).toBe(0);
    const service = await openServiceStore(db);
    try {
      expect(await service.inquiry(decisionId(String(after.json.decisionId)))).toMatchObject({ outcome: 'allow' });
      expect(await service.countInquiries(null)).toBeGreaterThanOrEqual(total + 1);
    } finally {
      await service.close();
    }
  }, 120_000);
});
