import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from './base64.js';

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      expect(decodeBase64(encodeBase64(b))).toEqual(b);
    }));
  });

  it('accepts only the one canonical spelling', () => {
    expect(decodeBase64('AAE=')).toEqual(Uint8Array.of(0, 1));
    for (const bad of ['AAE', 'AAF=', 'AA==AA==', 'AA E=', 'AAE=\n', 'AA-_', '====', 'A===']) {
      expect(decodeBase64(bad)).toBeUndefined();
    }
  });
});
