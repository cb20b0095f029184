import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeBase64 } from './base64.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import { generateKeyPair } from './note-key.js';
import { signNote } from './signed-note.js';

const logKey = generateKeyPair(new Uint8Array(32).fill(1));
const otherKey = generateKeyPair(new Uint8Array(32).fill(2));
const NAME = 'credence.example/log';
const signer = { name: NAME, secretKey: logKey.secretKey };
const trusted = [{ name: NAME, publicKey: logKey.publicKey }];
const root = Uint8Array.from({ length: 32 }, (_, i) => i);
const body = formatCheckpoint({ origin: 'credence.example/log', size: 1234, root });
const note = signCheckpoint(body, signer);
const b64Root = encodeBase64(root);

describe('checkpoints', () => {
  it('have the C2SP layout and round-trip through sign and open', () => {
    expect(body).toBe(`credence.example/log\n1234\n${b64Root}\n`);
    expect(note.startsWith(`${body}\n\u2014 ${NAME} `)).toBe(true);
    expect(openCheckpoint(note, trusted)).toEqual({
      ok: true,
      checkpoint: { origin: 'credence.example/log', size: 1234, root, extensions: [] },
      signers: [NAME],
    });
  });

  it('round-trip any origin, size, root and extension lines', () => {
    const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => /^[^\u0000-\u001f\u007f]+$/.test(s));
    fc.assert(fc.property(line, fc.maxSafeNat(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(line, { maxLength: 3 }),
      (origin, size, r, extensions) => {
        const opened = openCheckpoint(signCheckpoint(formatCheckpoint({ origin, size, root: r, extensions }), signer), trusted);
        expect(opened).toEqual({ ok: true, checkpoint: { origin, size, root: r, extensions }, signers: [NAME] });
      }), { numRuns: 50 });
  });

  it('reject a note whose origin, size or root was changed after signing', () => {
    const tampered = [
      note.replace('credence.example/log\n1234', 'credence.example/lag\n1234'),
      note.replace('\n1234\n', '\n1235\n'),
      note.replace(b64Root, encodeBase64(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))),
      note.replace(`${b64Root}\n`, `${b64Root}\nextra line\n`),
    ];
    for (const t of tampered) expect(openCheckpoint(t, trusted)).toMatchObject({ ok: false, error: 'bad_signature' });
  });

  it('reject a signature by an untrusted key, or a key with the same name but another id', () => {
    expect(openCheckpoint(note, [{ name: 'someone.else', publicKey: logKey.publicKey }])).toMatchObject({ ok: false, error: 'unknown_key' });
    expect(openCheckpoint(note, [{ name: NAME, publicKey: otherKey.publicKey }])).toMatchObject({ ok: false, error: 'unknown_key' });
    expect(openCheckpoint(note, [])).toMatchObject({ ok: false, error: 'unknown_key' });
    const forged = signCheckpoint(body, { name: NAME, secretKey: otherKey.secretKey });
    expect(openCheckpoint(forged, trusted)).toMatchObject({ ok: false, error: 'unknown_key' });
  });

  it('reject a corrupted signature, but ignore extra signatures by unknown keys', () => {
    const sigStart = note.lastIndexOf(' ') + 1;
    for (const at of [0, 3, 6, 20, 80]) {
      const c = note[sigStart + at] === 'A' ? 'B' : 'A';
      const bad = note.slice(0, sigStart + at) + c + note.slice(sigStart + at + 1);
      expect(openCheckpoint(bad, trusted).ok).toBe(false);
    }
    const cosigned = signNote(body, [{ name: 'witness', secretKey: otherKey.secretKey }, signer]);
    expect(openCheckpoint(cosigned, trusted)).toMatchObject({ ok: true, signers: [NAME] });
  });

  it('reject malformed notes', () => {
    const sigs = note.slice(body.length + 1);
    const malformed = [
      '', body, `${body}\n`, note.slice(0, -1), note.replace('\u2014 ', '- '), note.replace('\u2014 ', '\u2014'),
      `${note}garbage\n`, `${note}\n`, note.replace(`\n\n`, `\n`), note.replace(/=?\n$/, '!\n'),
      `credence.example/log\n1234\n${b64Root}\x07\n\n${sigs}`,
      `credence.example/log\n1234\n${b64Root}\n\n\n${sigs}`,
    ];
    for (const m of malformed) expect(openCheckpoint(m, trusted).ok).toBe(false);
    expect(openCheckpoint(42 as unknown as string, trusted).ok).toBe(false);
    // A lone surrogate has no UTF-8 encoding, so the signed bytes would be ambiguous.
    expect(openCheckpoint(note.replace('/log\n', '/lo\ud800\n'), trusted)).toMatchObject({ ok: false, error: 'malformed_note' });
  });

  it('reject non-canonical or invalid bodies even when properly signed', () => {
    const bodies = [
      `credence.example/log\n01234\n${b64Root}\n`, `credence.example/log\n+1234\n${b64Root}\n`,
      `credence.example/log\n1234.0\n${b64Root}\n`, `credence.example/log\n-1\n${b64Root}\n`,
      `credence.example/log\n99999999999999999999\n${b64Root}\n`, `credence.example/log\n1234\n${b64Root.slice(0, -4)}\n`,
      `credence.example/log\n1234\n${encodeBase64(new Uint8Array(33))}\n`, `credence.example/log\n1234\n`,
      `\n1234\n${b64Root}\n`, `credence.example/log\n 1234\n${b64Root}\n`,
    ];
    for (const b of bodies) {
      expect(parseCheckpoint(b)).toBeUndefined();
      expect(openCheckpoint(signNote(b, [signer]), trusted)).toMatchObject({ ok: false, error: 'malformed_checkpoint' });
      expect(() => signCheckpoint(b, signer)).toThrow(RangeError);
    }
  });

  it('refuse to format an invalid checkpoint', () => {
    expect(() => formatCheckpoint({ origin: '', size: 1, root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'a', size: -1, root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'a', size: 1, root: root.subarray(1) })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'a', size: 1, root, extensions: [''] })).toThrow(RangeError);
  });
});
