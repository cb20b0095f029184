import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { FURNISHER_KINDS, RECORD_DOMAINS } from './model.js';
import { SUBJECT_KINDS } from '../subject.js';
import { durationAtMost, FIVE_YEARS } from '../duration.js';

/** The codes other parts of Credence (the default rulebook) rely on. */
const CONTRACT_CODES = [
  'court.defaulter.refuses_to_perform', 'court.defaulter.obstructs_enforcement', 'court.defaulter.evades_enforcement',
  'court.defaulter.violates_property_reporting', 'court.defaulter.violates_consumption_restriction',
  'court.defaulter.refuses_settlement', 'court.consumption_restriction', 'court.judgment.performed',
  'court.civil.breach_of_contract', 'gov.judgment.unperformed', 'loan.overdue', 'loan.default', 'loan.settled',
  'loan.ontime_history', 'tax.arrears', 'tax.major_violation', 'tax.a_grade', 'transport.fare_evasion',
  'transport.disruptive_passenger', 'admin.traffic_penalty', 'admin.public_order_penalty', 'reg.environment_violation',
  'reg.work_safety_violation', 'reg.product_safety_violation', 'reg.food_safety_violation', 'reg.wage_arrears',
  'reg.abnormal_operations', 'reg.bid_rigging', 'civic.volunteer_service', 'civic.commendation',
];

describe('the record type catalogue', () => {
  it('holds at least 28 types, each code once', () => {
    const codes = CATALOGUE.map((t) => t.code);
    expect(codes.length).toBeGreaterThanOrEqual(28);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds every code the rulebook depends on', () => {
    const codes = new Set(CATALOGUE.map((t) => t.code));
    expect(CONTRACT_CODES.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('keeps no negative record longer than five years (Credit Reporting Regulation Art. 16)', () => {
    const tooLong = CATALOGUE.filter((t) => t.polarity === 'negative' && !durationAtMost(t.retention, FIVE_YEARS));
    expect(tooLong.map((t) => t.code)).toEqual([]);
  });

  it('gives every type a positive retention within five years', () => {
    for (const t of CATALOGUE) {
      expect(t.retention.years * 365 + t.retention.months * 30 + t.retention.days, t.code).toBeGreaterThan(0);
      expect(durationAtMost(t.retention, FIVE_YEARS), t.code).toBe(true);
    }
  });

  it('counts positive civic records only with consent', () => {
    const civic = CATALOGUE.filter((t) => t.domain === 'civic');
    expect(civic.length).toBeGreaterThanOrEqual(2);
    for (const t of civic) {
      expect(t.polarity, t.code).toBe('positive');
      expect(t.requiresConsent, t.code).toBe(true);
      expect(t.subjects, t.code).toEqual(['person']);
    }
  });

  it('draws domains, subjects and furnishers from the closed sets', () => {
    for (const t of CATALOGUE) {
      expect(RECORD_DOMAINS, t.code).toContain(t.domain);
      expect(t.subjects.length, t.code).toBeGreaterThan(0);
      expect(t.furnishers.length, t.code).toBeGreaterThan(0);
      for (const s of t.subjects) expect(SUBJECT_KINDS, t.code).toContain(s);
      for (const f of t.furnishers) expect(FURNISHER_KINDS, t.code).toContain(f);
      expect(t.title.length, t.code).toBeGreaterThan(0);
      expect(t.description.length, t.code).toBeGreaterThan(20);
    }
  });

  it('bounds every attribute: camelCase names, non-empty ranges, unique enum values', () => {
    for (const t of CATALOGUE) {
      for (const [name, spec] of Object.entries(t.attributes)) {
        const where = `${t.code}.${name}`;
        expect(name, where).toMatch(/^[a-z][a-zA-Z]*$/);
        expect(spec.description.length, where).toBeGreaterThan(0);
        if (spec.type === 'string') expect(spec.maxLength, where).toBeGreaterThan(0);
        if (spec.type === 'integer' || spec.type === 'number') {
          expect(spec.min, where).toBeLessThanOrEqual(spec.max);
          expect(Number.isFinite(spec.max), where).toBe(true);
        }
        if (spec.type === 'enum') {
          expect(spec.values.length, where).toBeGreaterThan(0);
          expect(new Set(spec.values).size, where).toBe(spec.values.length);
          for (const v of spec.values) expect(v, where).toMatch(/^[a-z][a-z_]*$/);
        }
      }
    }
  });

  it('gives the six defaulter conducts the same court-record attributes', () => {
    const defaulters = CATALOGUE.filter((t) => t.code.startsWith('court.defaulter.'));
    expect(defaulters).toHaveLength(6);
    for (const t of defaulters) {
      expect(Object.keys(t.attributes).sort(), t.code).toEqual(
        ['aggravated', 'amount', 'caseNumber', 'court', 'extensionYears', 'obligation'],
      );
      expect(t.attributes['extensionYears'], t.code).toMatchObject({ type: 'integer', min: 0, max: 3 });
      expect(t.furnishers, t.code).toEqual(['court']);
    }
  });

  it('lets only courts furnish judicial records and only public bodies carry gov records', () => {
    for (const t of CATALOGUE.filter((x) => x.domain === 'judicial')) expect(t.furnishers, t.code).toEqual(['court']);
    for (const t of CATALOGUE.filter((x) => x.code.startsWith('gov.'))) expect(t.subjects, t.code).toEqual(['public_body']);
  });
});
