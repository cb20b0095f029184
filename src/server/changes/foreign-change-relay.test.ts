import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../ledger/index.js';
import { rulebookCache } from '../../ledger/rulebook-cache.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { changeFeed, type StandingChange } from './change-feed.js';
import { foreignChangeRelay, type ForeignChangeRelay } from './foreign-change-relay.js';
import { localWrites } from './local-writes.js';
import { notifyingStore } from './notifying-store.js';

const AT = Date.UTC(2026, 5, 1);
const DEFAULTER = 'court.defaulter.refuses_to_perform';
const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' } as const;
const OTHER = { scheme: 'cn-rid', identifier: '440524188001010014' } as const;

const record = (ref: string, subject: { readonly scheme: string; readonly identifier: string }, occurredAt: string) => ({
  furnisherRef: ref, subject, type: DEFAULTER, occurredAt, legalBasis: 'Civil Procedure Law, Art. 262',
  attributes: { caseNumber: `(2026)京0105执${ref.length}号`, court: '北京市朝阳区人民法院', obligation: 'Repay a loan', amount: 1000 },
});

interface Setup {
  readonly here: Ledger;
  readonly elsewhere: Ledger;
  readonly relay: ForeignChangeRelay;
  readonly heard: StandingChange[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** One database, two processes' stores: `here` writes through the announcing store the relay knows of, `elsewhere` does not. */
async function setup(maxEvents?: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'credence-relay-'));
  const url = `sqlite:${join(dir, 'credence.db')}`;
  const [raw, other] = [await openStore(url), await openStore(url)];
  const feed = changeFeed();
  const heard: StandingChange[] = [];
  feed.subscribe((changes) => heard.push(...changes));
  const local = localWrites();
  const store: Store = notifyingStore(raw, feed, () => AT, local);
  const here = await openLedger(store, { at: AT });
  await here.registerClient({ id: 'court-a', role: 'furnisher', name: 'Court A', furnisherKind: 'court', scope: { recordTypes: [DEFAULTER] } }, AT);
  const elsewhere = await openLedger(other, { at: AT });
  const rulebooks = rulebookCache();
  const rulebook = () => store.read(async (tx) => rulebooks.compiled(tx, (await tx.head()).currentRulebook ?? ''));
  const relay = foreignChangeRelay(store, feed, local, rulebook, () => AT, { everyMs: 3_600_000, ...(maxEvents ? { maxEvents } : {}) }, (e) => {
    throw e;
  });
  // The relay's own first round starts on a timer: let it start, so that the round awaited here comes after it and
  // no timed round runs between a test's steps (the next is an hour away).
  await new Promise((resolve) => setTimeout(resolve, 5));
  await relay.round();
  const close = async (): Promise<void> => {
    await relay.stop();
    await raw.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(close);
  return { here, elsewhere, relay, heard, close };
}

const points = (changes: readonly StandingChange[], who: { readonly identifier: string }) =>
  changes.filter((c) => c.subjectId === `cn-rid:${who.identifier}`).map((c) => [c.previous?.points ?? null, c.standing.points]);

describe('foreign change relay', () => {
  it('announces what another process wrote, from the standing before it to the standing after it', async () => {
    const s = await setup();
    await s.elsewhere.furnish('court-a', [record('e-1', PERSON, '2026-03-01')], AT);
    expect(s.heard).toEqual([]);
    await s.relay.round();
    expect(points(s.heard, PERSON)).toEqual([[null, 900]]);
    await s.elsewhere.furnish('court-a', [record('e-2', PERSON, '2026-03-02')], AT);
    await s.relay.round();
    await s.relay.round();
    expect(points(s.heard, PERSON)).toEqual([[null, 900], [900, 800]]);
  });

  it('leaves a subject this process wrote after the other one to this process\'s own announcement, which has the latest standing', async () => {
    const s = await setup();
    await s.elsewhere.furnish('court-a', [record('e-1', PERSON, '2026-03-01')], AT);
    await s.here.furnish('court-a', [record('h-1', PERSON, '2026-03-02')], AT);
    expect(points(s.heard, PERSON)).toEqual([[900, 800]]);
    await s.relay.round();
    expect(points(s.heard, PERSON)).toEqual([[900, 800]]);
  });

  it('never announces this process\'s own writes, even when a backlog takes several rounds', async () => {
    const s = await setup(2);
    for (let i = 0; i < 3; i++) await s.elsewhere.furnish('court-a', [record(`e-${i}`, OTHER, `2026-03-0${i + 1}`)], AT);
    await s.here.furnish('court-a', [record('h-1', PERSON, '2026-03-01')], AT);
    for (let i = 0; i < 3; i++) await s.elsewhere.furnish('court-a', [record(`f-${i}`, OTHER, `2026-04-0${i + 1}`)], AT);
    for (let i = 0; i < 5; i++) await s.relay.round();
    expect(points(s.heard, PERSON)).toEqual([[null, 900]]); // once, by the write itself
    expect(points(s.heard, OTHER).at(-1)?.[1]).toBe(400);
  });
});
