import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { openStore } from '../../src/store/open-store.js';
import { defaulterRecord, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

const YEAR = 365 * 86_400_000;

/** The check path keeps recently checked standings in memory; none of that may ever show in an answer. */
describe('checks answered from the standing cache', () => {
  let h: Harness;
  const outcome = async (subject: typeof PERSON | typeof OTHER_PERSON): Promise<string> => {
    const res = await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject, ...FLIGHT } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ outcome: string }>().outcome;
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('sees a record furnished through the API at the very next check, and keeps holding the subjects it did not touch', async () => {
    expect(await outcome(PERSON)).toBe('allow');
    expect(await outcome(OTHER_PERSON)).toBe('allow');
    const hits = () => h.app.deps.standings.cacheStats().hits;
    const before = hits();
    expect(await outcome(PERSON)).toBe('allow'); // now held in memory
    expect(hits()).toBe(before + 1);
    const res = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('cache-1')] } });
    expect(res.statusCode).toBe(200);
    expect(await outcome(PERSON)).toBe('deny');
    expect(await outcome(OTHER_PERSON)).toBe('allow');
    expect(hits()).toBe(before + 2);
  });

  it('sees a record another process wrote to the same database at the very next check', async () => {
    expect(await outcome(OTHER_PERSON)).toBe('allow');
    expect(await outcome(OTHER_PERSON)).toBe('allow');
    const other = await openStore(`sqlite:${h.store.location}`);
    try {
      const ledger = await openLedger(other);
      const result = await ledger.furnish('court-a', [defaulterRecord('cache-2', OTHER_PERSON)], h.clock.now);
      expect(result.rejected).toBe(0);
    } finally {
      await other.close();
    }
    expect(await outcome(OTHER_PERSON)).toBe('deny');
  });

  it('recomputes once the listing it holds has ended, with no write at all', async () => {
    expect(await outcome(PERSON)).toBe('deny');
    expect(await outcome(PERSON)).toBe('deny');
    h.clock.now += 3 * YEAR; // the two-year listing of a judgment defaulter has run out
    expect(await outcome(PERSON)).toBe('allow');
  });
});
