import { describe, expect, it } from 'vitest';
import { getRecordType, recordTypes, validateRecordInput } from './taxonomy.js';
import { EXAMPLE_ATTRIBUTES, exampleAttributes } from './examples.js';

const defaulter = 'court.defaulter.refuses_to_perform';
const valid = exampleAttributes(defaulter);
const check = (attributes: Readonly<Record<string, unknown>>, type = defaulter) =>
  validateRecordInput({ type, subjectKind: 'person', attributes });

describe('getRecordType', () => {
  it('finds a type by code and nothing for an unknown code', () => {
    expect(getRecordType('loan.overdue')?.domain).toBe('finance');
    expect(getRecordType('loan.gambling')).toBeUndefined();
    expect(getRecordType('constructor')).toBeUndefined();
  });
});

describe('validateRecordInput', () => {
  it('accepts the example of every type, for every subject kind and furnisher the type allows', () => {
    for (const t of recordTypes) {
      for (const subjectKind of t.subjects) {
        for (const furnisherKind of t.furnishers) {
          const r = validateRecordInput({ type: t.code, subjectKind, furnisherKind, attributes: exampleAttributes(t.code) });
          expect(r, `${t.code} ${subjectKind} ${furnisherKind}`).toEqual({ ok: true });
        }
      }
    }
  });

  it('has exactly one example per catalogue type', () => {
    expect(Object.keys(EXAMPLE_ATTRIBUTES).sort()).toEqual(recordTypes.map((t) => t.code).sort());
    expect(() => exampleAttributes('foo.bar')).toThrow('no example attributes for record type "foo.bar"');
  });

  it('rejects an unknown record type', () => {
    expect(validateRecordInput({ type: 'foo.bar', subjectKind: 'person', attributes: {} })).toEqual({
      ok: false, code: 'unknown_record_type', error: 'unknown record type "foo.bar"',
    });
  });

  it('rejects a type that does not apply to the subject kind', () => {
    expect(validateRecordInput({ type: 'tax.a_grade', subjectKind: 'person', attributes: { year: 2024 } })).toEqual({
      ok: false, code: 'subject_kind_not_allowed', error: 'record type tax.a_grade does not apply to a person',
    });
    expect(validateRecordInput({ type: 'gov.judgment.unperformed', subjectKind: 'organization', attributes: {} })).toMatchObject({
      code: 'subject_kind_not_allowed', error: 'record type gov.judgment.unperformed does not apply to an organization',
    });
  });

  it('rejects a furnisher kind that may not submit the type', () => {
    const r = validateRecordInput({ type: defaulter, subjectKind: 'person', furnisherKind: 'lender', attributes: valid });
    expect(r).toEqual({
      ok: false, code: 'out_of_scope', error: `record type ${defaulter} may not be furnished by a lender; it is furnished by: court`,
    });
  });

  it('rejects attributes outside the closed schema, naming the attribute and the type', () => {
    expect(check({ ...valid, religion: 'none' })).toEqual({
      ok: false, code: 'invalid_attributes', error: `attribute "religion" is not allowed for ${defaulter}`,
    });
    expect(check(JSON.parse('{"__proto__": {"x": 1}, "caseNumber": "(2024)京0105执1234号"}') as Record<string, unknown>))
      .toMatchObject({ error: `attribute "__proto__" is not allowed for ${defaulter}` });
    expect(check({ ...valid, constructor: 'x' })).toMatchObject({ error: `attribute "constructor" is not allowed for ${defaulter}` });
  });

  it('names a missing required attribute', () => {
    const withoutCaseNumber = Object.fromEntries(Object.entries(valid).filter(([name]) => name !== 'caseNumber'));
    expect(check(withoutCaseNumber)).toEqual({ ok: false, code: 'invalid_attributes', error: 'attribute "caseNumber" is required' });
  });

  it('says what a badly typed or out-of-range value must be, and what it got', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, amount: 'abc' }, 'attribute "amount" must be a number >= 0, got "abc"'],
      [{ ...valid, amount: -1 }, 'attribute "amount" must be a number >= 0, got -1'],
      [{ ...valid, amount: Number.NaN }, 'attribute "amount" must be a number >= 0, got NaN'],
      [{ ...valid, extensionYears: 4 }, 'attribute "extensionYears" must be an integer from 0 to 3, got 4'],
      [{ ...valid, extensionYears: 1.5 }, 'attribute "extensionYears" must be an integer from 0 to 3, got 1.5'],
      [{ ...valid, aggravated: 'yes' }, 'attribute "aggravated" must be true or false, got "yes"'],
      [{ ...valid, court: '   ' }, 'attribute "court" must be a non-blank string of at most 100 characters, got "   "'],
      [{ ...valid, court: null }, 'attribute "court" must be a non-blank string of at most 100 characters, got null'],
      [{ ...valid, obligation: { pay: 1 } }, 'attribute "obligation" must be a non-blank string of at most 500 characters, got an object'],
    ];
    for (const [attributes, error] of cases) expect(check(attributes)).toEqual({ ok: false, code: 'invalid_attributes', error });
  });

  it('checks case numbers against the court format, in half- or full-width brackets', () => {
    for (const ok of ['(2024)京0105执1234号', '（2024）京0105执1234号', '(2019)京0105执字第1234号', '(2023)最高法民终12号']) {
      expect(check({ ...valid, caseNumber: ok }), ok).toEqual({ ok: true });
    }
    for (const bad of ['2024-1234', '(24)京0105执1234号', '(2024)京0105执1234', `(2024)${'京'.repeat(41)}号`]) {
      expect(check({ ...valid, caseNumber: bad }), bad).toMatchObject({ ok: false, code: 'invalid_attributes' });
    }
    const r = check({ ...valid, caseNumber: 'x' });
    expect(r.ok ? '' : r.error).toMatch(/^attribute "caseNumber" must be a string of at most 64 characters matching \/.+, got "x"$/);
  });

  it('lists the allowed values of an enum', () => {
    const r = validateRecordInput({ type: 'transport.fare_evasion', subjectKind: 'person', attributes: { mode: 'ship', amount: 5 } });
    expect(r).toEqual({ ok: false, code: 'invalid_attributes', error: 'attribute "mode" must be one of rail, metro, bus, air, got "ship"' });
  });

  it('shortens a very long offending value in the message', () => {
    const r = check({ ...valid, [`x${'a'.repeat(500)}`]: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(150);
  });

  it('rejects attributes that are not an object', () => {
    expect(check(null as unknown as Record<string, unknown>)).toEqual({
      ok: false, code: 'invalid_attributes', error: 'attributes must be an object, got null',
    });
  });

  it('returns the same frozen result for every valid record (no allocation on the hot path)', () => {
    const a = check(valid);
    expect(a).toBe(check({ ...valid }));
    expect(Object.isFrozen(a)).toBe(true);
  });
});
