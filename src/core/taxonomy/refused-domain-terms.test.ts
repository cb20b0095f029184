import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import type { RecordType } from './model.js';
import { REFUSED_DOMAIN_TERMS, refusedTermsIn, refusedTermsInText } from './refused-domain-terms.js';
import { FIVE_YEARS } from '../duration.js';

const clean: RecordType = {
  code: 'court.example',
  domain: 'judicial',
  polarity: 'negative',
  title: 'Example',
  description: 'A plain example type used to show what the guard rejects.',
  subjects: ['person'],
  furnishers: ['court'],
  attributes: { caseNumber: { type: 'string', required: true, maxLength: 64, description: 'Court case number' } },
  retention: FIVE_YEARS,
  requiresConsent: false,
};

describe('the refused-domain guard', () => {
  it('finds no refused domain anywhere in the real catalogue', () => {
    expect(CATALOGUE.flatMap((t) => refusedTermsIn(t).map((f) => `${t.code} ${f}`))).toEqual([]);
  });

  it('covers every refused domain of DESIGN.md §3 in English and Chinese', () => {
    for (const t of ['political', 'speech', 'religion', 'ethnic', 'health', 'pregnancy', 'sexual', 'union',
      'association', 'purchase', 'reading', 'media', 'location', 'gps', 'biometric', 'face', 'fingerprint',
      '宗教', '民族', '政治', '人脸']) {
      expect(REFUSED_DOMAIN_TERMS).toContain(t);
    }
  });

  it('fails if a refused type is ever added', () => {
    const refused: RecordType = { ...clean, code: 'civic.religious_attendance', title: 'Attends worship' };
    expect(refusedTermsIn(clean)).toEqual([]);
    expect(refusedTermsIn(refused)).toEqual(['code: religious', 'title: worship']);
  });

  it('rejects refused attribute names, enum values and descriptions, in any case style', () => {
    const sneaky: RecordType = {
      ...clean,
      attributes: {
        ...clean.attributes,
        faceScan: { type: 'boolean', required: false, description: 'Matched at the gate' },
        channel: { type: 'enum', required: true, values: ['gps_trace', 'ticket'], description: 'How it was seen' },
        note: { type: 'string', required: false, maxLength: 10, description: '被执行人的宗教' },
      },
    };
    expect(refusedTermsIn(sneaky)).toEqual([
      'attribute name "faceScan": face',
      'attribute "channel" value "gps_trace": gps',
      'attribute "note" description: 宗教',
    ]);
  });

  it('matches whole words, so ordinary words that contain a term are not flagged', () => {
    expect(refusedTermsInText('surface mediation reunion unionpay racetrack')).toEqual([]);
    expect(refusedTermsInText('Trade unions and Faces')).toEqual(['union', 'face']);
    expect(refusedTermsInText('family planning violation')).toEqual(['family planning']);
  });
});
