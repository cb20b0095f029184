import type { ServerResponse } from 'node:http';

/** The writing side of one event stream: nothing is written once it is closed, and what waits unsent is bounded. */
export interface SseConnection {
  /** Writes an event or comment; false when the stream is closed (now or before). */
  send(text: string): boolean;
  readonly closed: () => boolean;
  /** Ends the stream cleanly: what was queued is still sent. */
  end(): void;
}

/**
 * When more than `maxQueuedBytes` wait to be sent (the client stopped reading, or reads slower than events
 * come), the socket is destroyed and the queue dropped: memory stays bounded, and the client, seeing the
 * stream end, reconnects and checks again the subjects it follows (events are not replayed).
 */
export function sseConnection(raw: ServerResponse, maxQueuedBytes: number, onOverflow: (queued: number) => void): SseConnection {
  const closed = (): boolean => raw.writableEnded || raw.destroyed;
  return {
    closed,
    send: (text) => {
      if (closed()) return false;
      raw.write(text);
      const queued = raw.writableLength;
      if (queued <= maxQueuedBytes) return true;
      raw.destroy();
      onOverflow(queued);
      return false;
    },
    end: () => {
      if (!closed()) raw.end();
    },
  };
}
