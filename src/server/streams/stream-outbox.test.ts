import { describe, expect, it } from 'vitest';
import type { SubjectId } from '../../core/brand.js';
import type { StandingChange } from '../changes/change-feed.js';
import type { SseConnection } from './sse-connection.js';
import { streamOutbox } from './stream-outbox.js';

/** A connection whose unsent backlog the test sets; what it sends is kept. */
function fakeConnection() {
  const sent: string[] = [];
  // `backlogAfterSend`: what waits unsent once something was sent (a client that falls behind again).
  const state = { backlog: 0, backlogAfterSend: null as number | null, closed: false, abandoned: '' };
  const conn: SseConnection = {
    send: (text) => {
      if (state.closed) return false;
      sent.push(text);
      if (state.backlogAfterSend !== null) state.backlog = state.backlogAfterSend;
      return true;
    },
    closed: () => state.closed,
    backlog: () => state.backlog,
    abandon: (reason) => {
      state.closed = true;
      state.abandoned = reason;
    },
    end: () => {
      state.closed = true;
    },
  };
  return { conn, sent, state };
}

const change = (subject: string, points: number, previous: number | null): StandingChange => ({
  subjectId: subject as SubjectId, subjectKind: 'person', at: points, rulebookVersion: '2026.1',
  standing: { points, grade: 'B', lists: [] }, previous: previous === null ? null : { points: previous, grade: 'B', lists: [] },
});

const setup = (maxQueuedBytes = 1_000_000) => {
  const f = fakeConnection();
  const outbox = streamOutbox(f.conn, { coalesceAtBytes: 100, maxQueuedBytes },
    (c) => JSON.stringify({ s: c.subjectId, p: c.standing.points, was: c.previous?.points ?? null }), (event, json) => `${event} ${json}`);
  return { ...f, outbox };
};

describe('stream outbox', () => {
  it('sends at once while the client keeps up', () => {
    const { outbox, sent } = setup();
    expect(outbox.standing(change('a', 900, 1000))).toBe(true);
    expect(outbox.event('rulebook', '{"version":"2"}')).toBe(true);
    expect(sent).toEqual(['standing {"s":"a","p":900,"was":1000}', 'rulebook {"version":"2"}']);
  });

  it('holds events back while the client is behind, keeps the latest change of a subject with the first one\'s previous, and keeps the order', () => {
    const { outbox, sent, state } = setup();
    state.backlog = 500;
    outbox.standing(change('a', 900, 1000));
    outbox.standing(change('b', 700, 800));
    outbox.event('rulebook', '{"version":"2"}');
    outbox.standing(change('a', 850, 900)); // newest: after the rulebook event now
    expect(sent).toEqual([]);
    state.backlog = 0;
    outbox.drained();
    expect(sent).toEqual(['standing {"s":"b","p":700,"was":800}', 'rulebook {"version":"2"}', 'standing {"s":"a","p":850,"was":1000}']);
  });

  it('sends what it held only while the client keeps up, and new events wait behind them', () => {
    const { outbox, sent, state } = setup();
    state.backlog = 500;
    outbox.standing(change('a', 900, 1000));
    outbox.standing(change('b', 700, 800));
    state.backlog = 50;
    state.backlogAfterSend = 500; // the first send puts the client behind again: the rest waits for the next drain
    outbox.drained();
    expect(sent).toHaveLength(1);
    outbox.standing(change('c', 600, 700));
    expect(sent).toHaveLength(1);
    state.backlog = 0;
    state.backlogAfterSend = null;
    outbox.drained();
    expect(sent.map((t) => JSON.parse(t.slice(t.indexOf(' ') + 1)).s)).toEqual(['a', 'b', 'c']);
  });

  it('closes the stream when what waits unsent and what it holds pass the bound', () => {
    const { outbox, state } = setup(560); // each held change here is 28 bytes
    state.backlog = 500;
    expect(outbox.standing(change('a', 900, 1000))).toBe(true);
    expect(outbox.standing(change('a', 800, 900))).toBe(true); // replaces, holds no more
    expect(outbox.standing(change('b', 700, 800))).toBe(true);
    expect(outbox.standing(change('c', 600, 700))).toBe(false);
    expect(state.abandoned).toMatch(/more than 560 bytes/);
    expect(outbox.event('rulebook', '{}')).toBe(false);
  });
});
