import { describe, expect, it } from 'vitest';
import { parseSubjectIdentifier } from '../core/identifiers/index.js';
import { getRecordType, validateRecordInput } from '../core/taxonomy/index.js';
import { DEMO_FURNISHERS } from './demo-furnishers.js';
import { demoLines, demoSubjects } from './demo-population.js';
import { seedHash } from './demo-seed.js';

const asOf = Date.UTC(2026, 5, 30);
const opts = { seed: seedHash('test'), subjects: 4000, asOf };
const subjects = [...demoSubjects(opts)];
const furnishers = new Map<string, (typeof DEMO_FURNISHERS)[number]>(DEMO_FURNISHERS.map((f) => [f.id, f]));

describe('demo population', () => {
  it('gives every subject a valid identifier of its kind from a real division', () => {
    for (const s of subjects) {
      const parsed = parseSubjectIdentifier(s.scheme, s.identifier, { at: asOf });
      expect(parsed.ok && parsed.value.kind).toBe(s.kind);
      expect(parsed.ok && parsed.value.regionName).toBeTruthy();
    }
  });

  it('furnishes only records the taxonomy accepts, from a furnisher whose scope has the type', () => {
    for (const s of subjects) {
      for (const r of s.records) {
        const f = furnishers.get(r.furnisherId);
        expect(f?.scope).toContain(r.record.type);
        const v = validateRecordInput({ type: r.record.type, subjectKind: s.kind, attributes: r.record.attributes, furnisherKind: f?.kind });
        expect(v, `${r.record.type} ${JSON.stringify(r.record.attributes)}`).toEqual({ ok: true });
        expect(Date.parse(r.record.occurredAt)).toBeLessThan(asOf);
        if (getRecordType(r.record.type)?.requiresConsent === true) expect(typeof r.record.consent).toBe('boolean');
        if (r.fulfilledAt !== undefined) {
          expect(Date.parse(r.fulfilledAt)).toBeGreaterThanOrEqual(Date.parse(r.record.occurredAt));
          expect(Date.parse(r.fulfilledAt)).toBeLessThan(asOf);
        }
      }
    }
  });

  it('has realistic shares: mostly persons, mostly clean or positive files, a few percent defaulters', () => {
    const share = (p: (s: (typeof subjects)[number]) => boolean): number => subjects.filter(p).length / subjects.length;
    const negative = (s: (typeof subjects)[number]): boolean => s.records.some((r) => getRecordType(r.record.type)?.polarity === 'negative');
    expect(share((s) => s.kind === 'person')).toBeGreaterThan(0.8);
    expect(share((s) => s.kind === 'organization')).toBeGreaterThan(0.1);
    expect(share((s) => s.kind === 'public_body')).toBeGreaterThan(0.002);
    expect(share((s) => !negative(s))).toBeGreaterThan(0.6);
    const defaulters = share((s) => s.records.some((r) => r.record.type.startsWith('court.defaulter.')));
    expect(defaulters).toBeGreaterThan(0.01);
    expect(defaulters).toBeLessThan(0.05);
    expect(share((s) => s.records.some((r) => r.record.type.startsWith('court.defaulter.') && r.fulfilledAt !== undefined))).toBeGreaterThan(0.003);
    expect(share((s) => s.records.some((r) => r.record.type === 'loan.overdue'))).toBeGreaterThan(0.02);
    expect(share((s) => s.records.some((r) => r.record.type.startsWith('reg.')))).toBeGreaterThan(0.005);
    expect(share((s) => s.records.some((r) => r.record.type === 'tax.arrears'))).toBeGreaterThan(0.005);
  });

  it('is a pure function of the seed: same seed, same lines; another seed, other lines; slices agree', () => {
    const text = (seed: string, from = 0): string => [...demoLines({ ...opts, seed: seedHash(seed), subjects: 300, from })].map((l) => l.line).join('\n');
    expect(text('test')).toBe(text('test'));
    expect(text('test')).not.toBe(text('other'));
    const tail = [...demoLines({ ...opts, subjects: 300, from: 150 })].map((l) => l.line);
    const whole = [...demoLines({ ...opts, subjects: 300 })].map((l) => l.line);
    expect(whole.slice(whole.length - tail.length)).toEqual(tail);
  });

  it('gives every record a furnisherRef unique within its furnisher', () => {
    const refs = subjects.flatMap((s) => s.records.map((r) => `${r.furnisherId}/${r.record.furnisherRef}`));
    expect(new Set(refs).size).toBe(refs.length);
  });
});
