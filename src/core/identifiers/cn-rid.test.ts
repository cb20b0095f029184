import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../random.js';
import { generateRid, parseRid, ridCheckCharacter } from './cn-rid.js';

const withCheck = (body: string): string => body + ridCheckCharacter(body);
const errorOf = (raw: string, at?: number): string | undefined => {
  const result = parseRid(raw, at === undefined ? {} : { at });
  return result.ok ? undefined : result.error;
};

describe('cn-rid: the reference vectors', () => {
  it('accepts 11010519491231002X as a person in Chaoyang, Beijing', () => {
    expect(parseRid('11010519491231002X')).toEqual({
      ok: true,
      value: {
        scheme: 'cn-rid',
        identifier: '11010519491231002X',
        kind: 'person',
        region: '110105',
        regionName: '北京市朝阳区',
        subjectId: 'cn-rid:11010519491231002X',
      },
    });
  });

  it('accepts 440524188001010014, whose county was abolished, naming the prefecture', () => {
    const result = parseRid('440524188001010014');
    expect(result.ok && result.value.regionName).toBe('广东省汕头市');
  });
});

describe('cn-rid: normalization', () => {
  it.each([
    ['lower-case x', '11010519491231002x'],
    ['surrounding whitespace', ' \t11010519491231002X\n'],
    ['full-width characters', '１１０１０５１９４９１２３１００２Ｘ'],
  ])('accepts %s and stores the canonical form', (_label, raw) => {
    const result = parseRid(raw);
    expect(result.ok && result.value.subjectId).toBe('cn-rid:11010519491231002X');
  });
});

describe('cn-rid: precise errors', () => {
  it.each([
    ['1101051949123100', 'length 16, expected 18'],
    ['11010519491231002', 'length 17, expected 18'],
    ['1101A519491231002X', 'character A at position 5 is not allowed'],
    ['X10105194912310021', 'character X at position 1 is not allowed'],
    ['11010519491231 02X', 'character U+0020 at position 15 is not allowed'],
    ['990105194912310021', 'region 990105 is not a known administrative division'],
    ['110105194913310021', 'birth date 19491331 is not a date'],
    ['110105190002290021', 'birth date 19000229 is not a date'],
    ['110105179912310021', 'birth date 17991231 is before 1800'],
    ['110105194912310023', 'check character should be X, found 3'],
  ])('%s: %s', (raw, message) => {
    expect(errorOf(raw)).toBe(message);
  });

  it('accepts a leap day in a leap century year', () => {
    expect(errorOf(withCheck('11010520000229002'))).toBeUndefined();
  });

  it('rejects a birth after the reference instant, counting days in China Standard Time', () => {
    const id = withCheck('11010520250601001');
    const midnightCst = Date.UTC(2025, 5, 1) - 8 * 3_600_000;
    expect(errorOf(id, midnightCst - 1)).toBe('birth date 20250601 is after the reference date 2025-05-31');
    expect(errorOf(id, midnightCst)).toBeUndefined();
    expect(errorOf(id)).toBeUndefined();
  });
});

describe('cn-rid: generated numbers', () => {
  it('are all accepted, with the requested birth years and region', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const id = generateRid(mulberry32(seed), { birthYearMin: 1990, birthYearMax: 1991 });
        const result = parseRid(id);
        expect(result.ok).toBe(true);
        expect(['1990', '1991']).toContain(id.slice(6, 10));
      }),
      { numRuns: 3000 },
    );
    expect(generateRid(mulberry32(1), { region: '440524' }).slice(0, 6)).toBe('440524');
  });

  it('refuse an unknown region or an empty birth-year range', () => {
    expect(() => generateRid(mulberry32(1), { region: '990000' })).toThrow(RangeError);
    expect(() => generateRid(mulberry32(1), { birthYearMin: 2000, birthYearMax: 1999 })).toThrow(RangeError);
  });
});

// MOD 11-2 weights are non-zero mod 11 and two digits differ by less than 11, so changing one body
// digit always changes the sum mod 11, hence the check character. Adjacent weights differ by a factor
// 2 (and the check character carries weight 1 against 2), so swapping two adjacent different
// characters changes it too. A case change (x for X) is not a substitution: it names the same number.
describe('cn-rid: single errors are always caught', () => {
  const CANONICAL = '0123456789X';
  const ids = fc.integer().map((seed) => generateRid(mulberry32(seed)));

  it('rejects every substitution of one character', () => {
    fc.assert(
      fc.property(ids, (id) => {
        for (let i = 0; i < id.length; i++) {
          for (const c of CANONICAL) {
            if (c === id[i]) continue;
            expect(parseRid(id.slice(0, i) + c + id.slice(i + 1)).ok).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(ids, (id) => {
        for (let i = 0; i + 1 < id.length; i++) {
          if (id[i] === id[i + 1]) continue;
          expect(parseRid(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2)).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('treats a case change of the check character as the same number', () => {
    const result = parseRid('11010519491231002x');
    expect(result.ok && result.value.identifier).toBe('11010519491231002X');
  });
});
