import { describe, expect, it } from 'vitest';
import { STREAM_COALESCE_AT_BYTES, STREAM_MAX_QUEUED_BYTES, streamRegistry, type OpenStream } from './stream-registry.js';

/** A stream that, like the real one, leaves the registry when it is ended. */
function opener(registry: ReturnType<typeof streamRegistry>) {
  const ended: string[] = [];
  const open = (name: string, clientId: string, keyId: string): void => {
    let remove = (): void => undefined;
    const stream: OpenStream = { clientId, keyId, end: () => { ended.push(name); remove(); } };
    remove = registry.add(stream);
  };
  return { ended, open };
}

describe('stream registry', () => {
  it('ends only the streams opened with the revoked key', () => {
    const registry = streamRegistry();
    const { ended, open } = opener(registry);
    open('a1', 'airline', 'key_1');
    open('a2', 'airline', 'key_2');
    open('r1', 'railway', 'key_1');
    expect(registry.closeFor('airline', 'key_1')).toBe(1);
    expect(ended).toEqual(['a1']);
    expect(registry.count('airline')).toBe(1);
    expect(registry.count('railway')).toBe(1);
  });

  it('ends every stream of a revoked client, and nothing of other clients', () => {
    const registry = streamRegistry();
    const { ended, open } = opener(registry);
    open('a1', 'airline', 'key_1');
    open('a2', 'airline', 'key_2');
    open('r1', 'railway', 'key_3');
    expect(registry.closeFor('airline')).toBe(2);
    expect(ended.sort()).toEqual(['a1', 'a2']);
    expect(registry.count('airline')).toBe(0);
    expect(registry.closeFor('airline')).toBe(0);
    registry.closeAll();
    expect(ended).toContain('r1');
    expect(registry.count('railway')).toBe(0);
  });

  it('keeps the defaults it was not given', () => {
    expect(streamRegistry({ heartbeatMs: 50 }).settings).toEqual({
      heartbeatMs: 50, maxQueuedBytes: STREAM_MAX_QUEUED_BYTES, coalesceAtBytes: STREAM_COALESCE_AT_BYTES,
    });
  });
});
