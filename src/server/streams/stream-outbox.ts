import type { StandingChange } from '../changes/change-feed.js';
import type { SseConnection } from './sse-connection.js';

/** The events of one stream on their way to its client. */
export interface StreamOutbox {
  /** Sends a standing change now, or holds it back while the client is behind; false once the stream is closed. */
  standing(change: StandingChange): boolean;
  /** The same for any other event (a rulebook in force, a correction notice): held back behind what waits, never merged. */
  event(event: string, json: string): boolean;
  /** The client took what was waiting: sends what was held back, as long as it keeps up. */
  drained(): void;
}

export interface OutboxSettings {
  /** Once this many bytes wait unsent, events are held back. */
  readonly coalesceAtBytes: number;
  /** Unsent and held-back bytes together beyond this close the stream. */
  readonly maxQueuedBytes: number;
}

interface Held {
  readonly event: string;
  readonly json: string;
  readonly change?: StandingChange;
}

/**
 * While the client reads slower than events come, they are held back in order, and a standing change
 * replaces the one held for its subject: it keeps the `previous` of the first (the standing the client
 * last heard of) and moves to the end (it is the newest). So a burst costs a slow reader the
 * intermediate states, not its stream; what is held back counts against the stream's byte bound.
 */
export function streamOutbox(
  conn: SseConnection, settings: OutboxSettings, standingJson: (change: StandingChange) => string, render: (event: string, json: string) => string,
): StreamOutbox {
  const held = new Map<string, Held>();
  let heldBytes = 0;
  let others = 0;
  const behind = (): boolean => held.size > 0 || conn.backlog() >= settings.coalesceAtBytes;
  const hold = (key: string, h: Held): boolean => {
    const prior = held.get(key);
    if (prior) {
      held.delete(key);
      heldBytes -= prior.json.length;
    }
    held.set(key, h);
    heldBytes += h.json.length;
    if (conn.backlog() + heldBytes <= settings.maxQueuedBytes) return true;
    held.clear();
    heldBytes = 0;
    conn.abandon(`more than ${settings.maxQueuedBytes} bytes of events wait unread`);
    return false;
  };
  return {
    standing: (change) => {
      if (conn.closed()) return false;
      if (!behind()) return conn.send(render('standing', standingJson(change)));
      const key = `standing ${change.subjectId}`;
      const first = held.get(key)?.change;
      const merged = first ? { ...change, previous: first.previous } : change;
      return hold(key, { event: 'standing', json: standingJson(merged), change: merged });
    },
    event: (event, json) => {
      if (conn.closed()) return false;
      if (!behind()) return conn.send(render(event, json));
      return hold(`${event} ${others++}`, { event, json });
    },
    drained: () => {
      for (const [key, h] of held) {
        if (conn.closed() || conn.backlog() >= settings.coalesceAtBytes) return;
        held.delete(key);
        heldBytes -= h.json.length;
        conn.send(render(h.event, h.json));
      }
    },
  };
}
