/** How the relying parties' event streams are kept: heartbeat (and key re-check) period, and the bounds on what waits unread. */
export interface StreamSettings {
  /** A comment is sent, and the stream's key and client checked again, this often. */
  readonly heartbeatMs: number;
  /** A stream with more than this many bytes waiting to be sent (a client that stopped reading) is closed. */
  readonly maxQueuedBytes: number;
  /** Once this many bytes wait unsent, events are held back (a standing change per subject, the latest) until the reader catches up. */
  readonly coalesceAtBytes: number;
}

export const STREAM_HEARTBEAT_MS = 15_000;
export const STREAM_MAX_QUEUED_BYTES = 1024 * 1024;
export const STREAM_COALESCE_AT_BYTES = 64 * 1024;

/** One open stream, as the registry sees it. */
export interface OpenStream {
  readonly clientId: string;
  /** The API key the stream was opened with. */
  readonly keyId: string;
  /** Closes the stream from the server's side; its own cleanup removes it from the registry. */
  end(): void;
}

/** The open event streams of this process, by client and key, so a revocation can end them at once. */
export interface StreamRegistry {
  readonly settings: StreamSettings;
  count(clientId: string): number;
  /** Registers an open stream; returns its removal, to call once it closed. */
  add(stream: OpenStream): () => void;
  /** Ends the client's streams (only those opened with `keyId`, when given); returns how many. */
  closeFor(clientId: string, keyId?: string): number;
  /** Ends every stream (the server is closing). */
  closeAll(): void;
}

export function streamRegistry(settings: Partial<StreamSettings> = {}): StreamRegistry {
  const open = new Map<string, Set<OpenStream>>();
  const ending = (streams: readonly OpenStream[]): number => {
    for (const s of streams) s.end();
    return streams.length;
  };
  return {
    settings: {
      heartbeatMs: STREAM_HEARTBEAT_MS, maxQueuedBytes: STREAM_MAX_QUEUED_BYTES, coalesceAtBytes: STREAM_COALESCE_AT_BYTES, ...settings,
    },
    count: (clientId) => open.get(clientId)?.size ?? 0,
    add: (stream) => {
      const mine = open.get(stream.clientId) ?? new Set<OpenStream>();
      mine.add(stream);
      open.set(stream.clientId, mine);
      return () => {
        mine.delete(stream);
        if (mine.size === 0 && open.get(stream.clientId) === mine) open.delete(stream.clientId);
      };
    },
    closeFor: (clientId, keyId) => ending([...(open.get(clientId) ?? [])].filter((s) => keyId === undefined || s.keyId === keyId)),
    closeAll: () => void ending([...open.values()].flatMap((s) => [...s])),
  };
}
