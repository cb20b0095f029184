import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url.js';
import { jwkThumbprint, parseJwks, publicJwk } from './jwks.js';

describe('JWKS', () => {
  it('computes the RFC 8037 Appendix A.3 thumbprint', () => {
    const x = Uint8Array.from(Buffer.from('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', 'base64url'));
    expect(jwkThumbprint(x)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('round-trips the published keys and skips keys of other kinds', () => {
    const publicKey = ed25519.getPublicKey(new Uint8Array(32).fill(7));
    const kid = jwkThumbprint(publicKey);
    const doc = JSON.parse(JSON.stringify({ keys: [{ kty: 'RSA', n: 'x', e: 'AQAB', kid: 'rsa' }, publicJwk({ kid, publicKey })] })) as unknown;
    expect(parseJwks(doc)).toEqual({ ok: true, keys: [{ kid, publicKey }] });
  });

  it('refuses a document that is not a key set, and an Ed25519 key that is not a point', () => {
    expect(parseJwks([]).ok).toBe(false);
    expect(parseJwks({ keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k', x: encodeBase64Url(new Uint8Array(31)) }] }).ok).toBe(false);
    expect(parseJwks({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(ed25519.getPublicKey(new Uint8Array(32))) }] }).ok).toBe(false);
  });
});
