import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeBase64 } from './base64.js';
import { generateKeyPair, keyId, parseVerifierKey, verifierKeyString } from './note-key.js';
import { openNote, signNote } from './signed-note.js';

// Interoperability vector from the Go signed-note package documentation (golang.org/x/mod/sumdb/note).
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SEED = (decodeBase64('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz') as Uint8Array).slice(1);
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('note keys', () => {
  it('derive the same key id, verifier key and signature as the Go implementation', () => {
    const { publicKey, secretKey } = generateKeyPair(GO_SEED);
    expect(bytesToHex(keyId('PeterNeumann', publicKey))).toBe('c74f20a3');
    expect(verifierKeyString('PeterNeumann', publicKey)).toBe(GO_VKEY);
    expect(signNote(GO_TEXT, [{ name: 'PeterNeumann', secretKey }])).toBe(GO_NOTE);
    const parsed = parseVerifierKey(GO_VKEY);
    expect(parsed.ok && openNote(GO_NOTE, [parsed.key])).toEqual({ ok: true, text: GO_TEXT, signers: ['PeterNeumann'] });
  });

  it('parse a key whose base64 contains a plus sign', () => {
    const parsed = parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6');
    expect(parsed.ok && parsed.key.name).toBe('TEST');
  });

  it('round-trip a generated key', () => {
    const { publicKey } = generateKeyPair(new Uint8Array(32).fill(9));
    const parsed = parseVerifierKey(verifierKeyString('log.credence.example', publicKey));
    expect(parsed).toEqual({ ok: true, key: { name: 'log.credence.example', publicKey } });
  });

  it('reject mangled verifier keys', () => {
    const bad = [
      '', 'PeterNeumann', 'PeterNeumann+c74f20a3',
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // id does not match
      'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // id not lowercase
      'PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // other name
      'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // key type 0x02
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10', // short key
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // space in name
    ];
    for (const k of bad) expect(parseVerifierKey(k).ok).toBe(false);
    for (let i = 0; i < GO_VKEY.length; i++) {
      expect(parseVerifierKey(GO_VKEY.slice(0, i) + GO_VKEY.slice(i + 1)).ok).toBe(false);
    }
  });

  it('refuse invalid names and seeds', () => {
    const { publicKey } = generateKeyPair(new Uint8Array(32));
    expect(() => verifierKeyString('a+b', publicKey)).toThrow(RangeError);
    expect(() => verifierKeyString('', publicKey)).toThrow(RangeError);
    expect(() => generateKeyPair(new Uint8Array(31))).toThrow(RangeError);
  });
});
