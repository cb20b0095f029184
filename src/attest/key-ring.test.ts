import { describe, expect, it } from 'vitest';
import { formatKeyFile, parseKeyFile } from './key-file.js';
import { activeKey, jwksOf, PUBLISHED_AFTER_RETIREMENT_MS, ringKey, rotateRing, type KeyRing } from './key-ring.js';

const T0 = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const seed = (n: number): Uint8Array => new Uint8Array(32).fill(n);

describe('attestation key ring', () => {
  it('signs with the newest key after a rotation and keeps the old one published for 31 days', () => {
    const first = { keys: [ringKey(seed(1), T0)] };
    const rotated = rotateRing(first, seed(2), T0 + 10 * DAY);
    expect(activeKey(rotated).kid).toBe(ringKey(seed(2), 0).kid);
    const kids = (at: number) => jwksOf(rotated, at).keys.map((k) => k.kid);
    expect(kids(T0 + 10 * DAY + PUBLISHED_AFTER_RETIREMENT_MS - 1)).toEqual([ringKey(seed(1), 0).kid, ringKey(seed(2), 0).kid]);
    expect(kids(T0 + 10 * DAY + PUBLISHED_AFTER_RETIREMENT_MS)).toEqual([ringKey(seed(2), 0).kid]);
  });

  it('drops the secrets of keys no longer published at the next rotation', () => {
    let ring: KeyRing = { keys: [ringKey(seed(1), T0)] };
    ring = rotateRing(ring, seed(2), T0 + DAY);
    ring = rotateRing(ring, seed(3), T0 + 40 * DAY);
    expect(ring.keys.map((k) => k.kid)).toEqual([ringKey(seed(2), 0).kid, ringKey(seed(3), 0).kid]);
  });

  it('round-trips through the key file and refuses a file whose key id does not match its key', () => {
    const ring = rotateRing({ keys: [ringKey(seed(1), T0)] }, seed(2), T0 + DAY);
    const text = formatKeyFile(ring);
    expect(parseKeyFile(text)).toEqual(ring);
    const swapped = text.replace(ringKey(seed(2), 0).kid, ringKey(seed(1), 0).kid);
    expect(() => parseKeyFile(swapped)).toThrow(/kid does not match/);
    expect(() => parseKeyFile('{"keys": []}')).toThrow(/format/);
    expect(() => parseKeyFile(text)).not.toThrow();
  });
});
