import type { ServerResponse } from 'node:http';

/** The writing side of one event stream: nothing is written once it is closed, and what waits unsent is bounded. */
export interface SseConnection {
  /** Writes an event or comment; false when the stream is closed (now or before). */
  send(text: string): boolean;
  readonly closed: () => boolean;
  /** Bytes written but not yet taken by the client. */
  readonly backlog: () => number;
  /** Closes the stream at once, dropping what waits, for the reason given (logged). */
  abandon(reason: string): void;
  /** Ends the stream cleanly: what was queued is still sent. */
  end(): void;
}

/**
 * When more than `maxQueuedBytes` wait to be sent (the client stopped reading, or reads slower than events
 * come), the socket is destroyed and the queue dropped: memory stays bounded, and the client, seeing the
 * stream end, reconnects and checks again the subjects it follows (events are not replayed).
 */
export function sseConnection(raw: ServerResponse, maxQueuedBytes: number, onOverflow: (queued: number, reason: string) => void): SseConnection {
  const closed = (): boolean => raw.writableEnded || raw.destroyed;
  const abandon = (reason: string): void => {
    const queued = raw.writableLength;
    raw.destroy();
    onOverflow(queued, reason);
  };
  return {
    closed,
    backlog: () => raw.writableLength,
    abandon,
    send: (text) => {
      if (closed()) return false;
      raw.write(text);
      if (raw.writableLength <= maxQueuedBytes) return true;
      abandon(`more than ${maxQueuedBytes} bytes wait unread`);
      return false;
    },
    end: () => {
      if (!closed()) raw.end();
    },
  };
}
