import { describe, expect, it } from 'vitest';
import type { Instant } from '../../../core/brand.js';
import { day, defaultCompiled, OTHER_PERSON, PERSON, rec } from '../../../../test/support/core-fixtures.js';
import { dayEnds, listHistory } from './list-history.js';

const NOW: Instant = Date.UTC(2026, 5, 30, 12, 0, 0); // 20:00 CST
const DEFAULTER = 'court.defaulter.refuses_to_perform';

describe('dayEnds', () => {
  it('names the last days in China Standard Time, today read at now', () => {
    const { dates, instants } = dayEnds(NOW, 3);
    expect(dates).toEqual(['2026-06-28', '2026-06-29', '2026-06-30']);
    expect(instants[0]).toBe(Date.UTC(2026, 5, 28, 16, 0, 0) - 1); // 23:59:59.999 CST
    expect(instants[2]).toBe(NOW);
  });
});

describe('listHistory', () => {
  const rb = defaultCompiled();
  const { instants } = dayEnds(NOW, 90);
  const daysOn = (counts: readonly number[] | undefined) => (counts ?? []).map((n, i) => [i, n] as const).filter(([, n]) => n > 0);

  it('counts a defaulter from the day the judgment was refused to the day it was performed', () => {
    const history = listHistory(rb, instants);
    const occurredAt = NOW - 50 * day;
    history.add({ id: PERSON, kind: 'person' }, [rec(DEFAULTER, { subjectId: PERSON, occurredAt, status: 'fulfilled', fulfilledAt: NOW - 10 * day })]);
    const on = daysOn(history.counts().get('judgment-defaulters'));
    expect(on.length).toBe(40);
    // Listed at the end of the day it occurred (index 89 is today); no longer at the end of the day it was performed.
    expect(on[0]?.[0]).toBe(89 - 50);
    expect(on.at(-1)?.[0]).toBe(89 - 11);
    expect(on.every(([, n]) => n === 1)).toBe(true);
    // The consumption restrictions the same judgment brings follow the same days.
    expect(daysOn(history.counts().get('consumption-restricted'))).toEqual(on);
  });

  it('counts a subject once a day however many records list it, and a retracted record never', () => {
    const history = listHistory(rb, instants);
    history.add({ id: PERSON, kind: 'person' }, [
      rec(DEFAULTER, { subjectId: PERSON, occurredAt: NOW - 200 * day }),
      rec(DEFAULTER, { subjectId: PERSON, occurredAt: NOW - 20 * day }),
    ]);
    history.add({ id: OTHER_PERSON, kind: 'person' }, [rec(DEFAULTER, { subjectId: OTHER_PERSON, occurredAt: NOW - 30 * day, status: 'retracted' })]);
    const counts = history.counts().get('judgment-defaulters') ?? [];
    expect(counts.length).toBe(90);
    expect(counts.every((n) => n === 1)).toBe(true);
  });

  it('sees a listing that began and ended inside the window though the standing now has none', () => {
    const history = listHistory(rb, instants);
    // A one-year air travel restriction that ended 5 days ago.
    const r = rec('transport.disruptive_passenger', { subjectId: PERSON, occurredAt: NOW - 370 * day, attributes: { mode: 'air' } });
    history.add({ id: PERSON, kind: 'person' }, [r]);
    const on = daysOn(history.counts().get('disruptive-passengers-air'));
    expect(on.length).toBeGreaterThan(80);
    expect(on.at(-1)?.[0]).toBeLessThan(89 - 3);
  });
});
