import { describe, expect, it } from 'vitest';
import { formatCheckpoint, openCheckpoint, parseVerifierKey, signCheckpoint } from '../core/merkle/index.js';
import { formatSignerKey, parseSignerKey } from './signer-key.js';

const seed = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('log signer keys', () => {
  it('round-trip, and the verifier key they publish opens the checkpoints they sign', () => {
    const text = formatSignerKey('credence.local/log', seed);
    expect(text).toMatch(/^PRIVATE\+KEY\+credence\.local\/log\+[0-9a-f]{8}\+/);
    const key = parseSignerKey(`${text}\n`);
    const parsed = parseVerifierKey(key.vkey);
    if (!parsed.ok) throw new Error(parsed.error);
    const note = signCheckpoint(formatCheckpoint({ origin: 'credence.local/log', size: 3, root: new Uint8Array(32) }), key.signer);
    expect(openCheckpoint(note, [parsed.key])).toMatchObject({ ok: true, checkpoint: { size: 3 } });
  });

  it('round-trips every seed, including those whose base64 contains a plus sign', () => {
    let plus = 0;
    for (let i = 0; i < 64; i++) {
      const s = Uint8Array.from({ length: 32 }, (_, j) => (i * 31 + j * 7) & 0xff);
      const text = formatSignerKey('log', s);
      if (text.slice('PRIVATE+KEY+log+00000000+'.length).includes('+')) plus += 1;
      expect(parseSignerKey(text).publicKey).toEqual(parseSignerKey(text).publicKey);
      expect(Array.from(parseSignerKey(text).signer.secretKey.slice(0, 32))).toEqual(Array.from(s));
    }
    expect(plus).toBeGreaterThan(0);
  });

  it('rejects a key whose id does not match, or that is not an Ed25519 signer key', () => {
    const text = formatSignerKey('log', seed);
    const parts = text.split('+');
    parts[3] = '00000000';
    expect(() => parseSignerKey(parts.join('+'))).toThrow(/id does not match/);
    expect(() => parseSignerKey(text.replace('PRIVATE+KEY+', ''))).toThrow(/PRIVATE\+KEY/);
    expect(() => parseSignerKey('PRIVATE+KEY+log+00000000+AAAA')).toThrow(/Ed25519/);
    expect(() => formatSignerKey('two words', seed)).toThrow(RangeError);
  });
});
