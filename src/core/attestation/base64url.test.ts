import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

describe('base64url', () => {
  it('round-trips any bytes without padding or +/ characters', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      const text = encodeBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(text)).toEqual(bytes);
    }));
  });

  it('matches the RFC 4648 test vectors', () => {
    const enc = (s: string) => encodeBase64Url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy']);
    expect(encodeBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('refuses padding, the standard alphabet, impossible lengths and non-zero spare bits', () => {
    for (const bad of ['Zg==', 'Zm9v+', '+_8', '/_8', 'Z', 'Zh', 'Zm9', 'a b', 'Zm9v\n']) expect(decodeBase64Url(bad), bad).toBeUndefined();
  });
});
