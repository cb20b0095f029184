import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CredenceError } from '../errors.js';
import { mulberry32 } from '../random.js';
import { SUBJECT_KINDS } from '../subject.js';
import { getScheme, identifierSchemes, parseSubjectId, parseSubjectIdentifier, parseSubjectIdentifierOrThrow } from './index.js';

describe('identifier scheme registry', () => {
  it('offers cn-rid for persons and cn-uscc for organizations and public bodies', () => {
    expect([...identifierSchemes.keys()]).toEqual(['cn-rid', 'cn-uscc']);
    expect(getScheme('cn-rid')?.subjectKinds).toEqual(['person']);
    expect(getScheme('cn-uscc')?.subjectKinds).toEqual(['organization', 'public_body']);
    expect(getScheme('us-ssn')).toBeUndefined();
  });

  it('parses each scheme example as a kind the scheme claims', () => {
    for (const scheme of identifierSchemes.values()) {
      const result = scheme.parse(scheme.example);
      expect(result.ok && scheme.subjectKinds.includes(result.value.kind)).toBe(true);
    }
  });

  it('names the unknown scheme and the known ones', () => {
    expect(parseSubjectIdentifier('us-ssn', '078-05-1120')).toEqual({
      ok: false,
      code: 'unknown_identifier_scheme',
      error: 'identifier scheme "us-ssn" is not known (known: cn-rid, cn-uscc)',
    });
  });

  it('passes the reference instant to the scheme', () => {
    const result = parseSubjectIdentifier('cn-rid', '11010519491231002X', { at: Date.UTC(1949, 0, 1) });
    expect(result.ok ? '' : result.error).toBe('birth date 19491231 is after the reference date 1949-01-01');
  });
});

describe('parseSubjectIdentifierOrThrow', () => {
  it('returns the parsed identifier', () => {
    expect(parseSubjectIdentifierOrThrow('cn-uscc', '91350100m000100y43').subjectId).toBe('cn-uscc:91350100M000100Y43');
  });

  it.each([
    ['cn-rid', '110105194912310023', 'invalid_identifier', 'check character should be X, found 3'],
    ['cn-xx', '110105194912310023', 'unknown_identifier_scheme', 'identifier scheme "cn-xx" is not known (known: cn-rid, cn-uscc)'],
  ])('throws a 400 CredenceError for %s %s', (scheme, raw, code, message) => {
    const thrown = (() => {
      try {
        parseSubjectIdentifierOrThrow(scheme, raw);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(CredenceError);
    expect(thrown).toMatchObject({ code, status: 400, message });
  });
});

describe('parseSubjectId', () => {
  it('round-trips the subject id of every generated identifier', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...SUBJECT_KINDS), (seed, kind) => {
        const scheme = kind === 'person' ? 'cn-rid' : 'cn-uscc';
        const raw = getScheme(scheme)?.generate(mulberry32(seed), { kind }) ?? '';
        const parsed = parseSubjectIdentifierOrThrow(scheme, raw);
        expect(parsed.kind).toBe(kind);
        expect(parseSubjectId(parsed.subjectId)).toEqual({ ok: true, value: parsed });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects an id without a scheme', () => {
    expect(parseSubjectId('11010519491231002X')).toMatchObject({ ok: false, code: 'invalid_identifier' });
  });

  it('refuses to generate a kind the scheme does not identify', () => {
    expect(() => getScheme('cn-rid')?.generate(mulberry32(1), { kind: 'organization' })).toThrow(RangeError);
    expect(() => getScheme('cn-uscc')?.generate(mulberry32(1), { kind: 'person' })).toThrow(RangeError);
  });
});
