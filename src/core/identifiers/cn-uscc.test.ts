import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../random.js';
import { generateUscc, organizationCodeCheckCharacter, parseUscc, usccCheckCharacter } from './cn-uscc.js';

const withCheck = (body: string): string => body + usccCheckCharacter(body);
const errorOf = (raw: string): string | undefined => {
  const result = parseUscc(raw);
  return result.ok ? undefined : result.error;
};
const kindOf = (raw: string): string | undefined => {
  const result = parseUscc(raw);
  return result.ok ? result.value.kind : undefined;
};

describe('cn-uscc: the worked example of the standard', () => {
  it('accepts 91350100M000100Y43 as an enterprise registered in Fuzhou', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        scheme: 'cn-uscc',
        identifier: '91350100M000100Y43',
        kind: 'organization',
        region: '350100',
        regionName: '福建省福州市',
        subjectId: 'cn-uscc:91350100M000100Y43',
      },
    });
  });

  it('computes check 3 for its body, and its embedded organization code M000100Y-4 checks too', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
  });

  it('accepts lower case and surrounding whitespace, storing upper case', () => {
    const result = parseUscc('  91350100m000100y43 ');
    expect(result.ok && result.value.identifier).toBe('91350100M000100Y43');
  });
});

describe('cn-uscc: kinds', () => {
  it('takes bodies registered by the establishment authority (code 1) for public bodies', () => {
    expect(kindOf(withCheck('11110000M000100Y4'))).toBe('public_body');
    expect(kindOf(withCheck('12350100M000100Y4'))).toBe('public_body');
  });

  it('takes enterprises, individual businesses and civil-affairs bodies for organizations', () => {
    expect(kindOf(withCheck('92350100M000100Y4'))).toBe('organization');
    expect(kindOf(withCheck('53350100M000100Y4'))).toBe('organization');
    expect(kindOf(withCheck('Y7350100M000100Y4'))).toBe('organization');
  });
});

describe('cn-uscc: precise errors', () => {
  it.each([
    ['91350100M000100Y4', 'length 17, expected 18'],
    ['91350100I000100Y43', 'character I at position 9 is not allowed'],
    ['91350100M0001O0Y43', 'character O at position 14 is not allowed'],
    ['913501A0M000100Y43', 'character A at position 7 is not allowed'],
    ['01350100M000100Y43', 'registration authority code 0 is not known'],
    ['95350100M000100Y43', 'organization type 5 is not used by registration authority 9'],
    ['91990100M000100Y43', 'region 990100 is not a known administrative division'],
    ['91350100M000100Y40', 'check character should be 3, found 0'],
  ])('%s: %s', (raw, message) => {
    expect(errorOf(raw)).toBe(message);
  });
});

describe('cn-uscc: generated codes', () => {
  it('are all accepted, public bodies as public bodies', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, publicBody) => {
        const result = parseUscc(generateUscc(mulberry32(seed), { publicBody }));
        expect(result.ok && result.value.kind).toBe(publicBody ? 'public_body' : 'organization');
      }),
      { numRuns: 3000 },
    );
  });

  it('carry the requested region and a valid embedded organization code', () => {
    const code = generateUscc(mulberry32(9), { region: '440524' });
    expect(code.slice(2, 8)).toBe('440524');
    expect(organizationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
    expect(() => generateUscc(mulberry32(1), { region: '990000' })).toThrow(RangeError);
  });
});

// 31 is prime, the weights 3^(i-1) are non-zero mod 31 and two symbols differ by less than 31, so a
// changed symbol always changes the sum mod 31, and C18 = 31 - (sum mod 31) is one-to-one. Adjacent
// weights differ by a factor 3 (28 against the check's implicit 1 at the end), so adjacent swaps of
// different symbols are caught as well. Lower case letters are the same code, not a substitution.
describe('cn-uscc: single errors are always caught', () => {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const codes = fc.tuple(fc.integer(), fc.boolean()).map(([seed, publicBody]) => generateUscc(mulberry32(seed), { publicBody }));

  it('rejects every substitution of one character', () => {
    fc.assert(
      fc.property(codes, (code) => {
        for (let i = 0; i < code.length; i++) {
          for (const c of ALPHABET) {
            if (c === code[i]) continue;
            expect(parseUscc(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(codes, (code) => {
        for (let i = 0; i + 1 < code.length; i++) {
          if (code[i] === code[i + 1]) continue;
          expect(parseUscc(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
