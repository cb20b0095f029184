import type { Attributes } from '../core/record.js';
import { pick, randomInt, type Rng } from '../core/random.js';
import type { SubjectKind } from '../core/subject.js';
import { exampleAttributes } from '../core/taxonomy/index.js';
import { caseNumber, courtName, penaltyDecisionNumber } from './case-numbers.js';

export interface AttributeContext {
  readonly rng: Rng;
  readonly kind: SubjectKind;
  /** The subject's division: courts and regulators are local. */
  readonly region: string;
  /** Year of the conduct, for case and decision numbers. */
  readonly year: number;
  /** Transport mode of the furnishing operator, for transport records. */
  readonly mode?: 'rail' | 'air';
}

/** A log-uniform amount in yuan between 10^lo and 10^hi, rounded to whole yuan. */
export const amountBetween = (rng: Rng, lo: number, hi: number): number => Math.round(10 ** (lo + rng() * (hi - lo)));

const severity = (rng: Rng): string => pick(rng, ['minor', 'minor', 'minor', 'serious', 'serious', 'major']);

type Make = (c: AttributeContext) => Attributes;

const defaulter: Make = ({ rng, region, year, kind }) => {
  const amount = kind === 'person' ? amountBetween(rng, 3.5, 6) : amountBetween(rng, 4.5, 7.5);
  const aggravated = rng() < 0.1;
  return {
    caseNumber: caseNumber(rng, region, year, '执'),
    court: courtName(region),
    obligation: `Pay ${amount} yuan under an effective judgment`,
    amount,
    ...(aggravated ? { aggravated: true, extensionYears: randomInt(rng, 1, 3) } : {}),
  };
};

const regulatory = (office: string, extra: (rng: Rng) => Attributes): Make => ({ rng, region, year }) => ({
  penaltyDecision: penaltyDecisionNumber(rng, region, year, office),
  fineAmount: amountBetween(rng, 3.5, 6.5),
  severity: severity(rng),
  ...extra(rng),
});

const RAIL_CONDUCTS = ['smoking_on_train', 'occupying_seat', 'ticket_scalping', 'forged_ticket', 'violence_against_crew'];
const AIR_CONDUCTS = ['smoking_on_aircraft', 'violence_against_crew', 'safety_threat', 'false_threat_report', 'blocking_check_in_or_boarding'];

/** Plausible attributes per record type; each set validates against the taxonomy's closed schema. */
const MAKERS: Readonly<Record<string, Make>> = {
  'court.defaulter.refuses_to_perform': defaulter,
  'court.defaulter.obstructs_enforcement': defaulter,
  'court.defaulter.evades_enforcement': defaulter,
  'court.defaulter.violates_property_reporting': defaulter,
  'court.defaulter.violates_consumption_restriction': defaulter,
  'court.defaulter.refuses_settlement': defaulter,
  'court.consumption_restriction': ({ rng, region, year }) => ({ caseNumber: caseNumber(rng, region, year, '执'), court: courtName(region) }),
  'court.judgment.performed': ({ rng, region, year, kind }) => ({
    caseNumber: caseNumber(rng, region, year, kind === 'public_body' ? '行初' : '民初'),
    court: courtName(region),
    onTime: rng() < 0.8,
  }),
  'court.civil.breach_of_contract': ({ rng, region, year }) => ({
    caseNumber: caseNumber(rng, region, year, '民初'),
    court: courtName(region),
    amount: amountBetween(rng, 3, 6),
  }),
  'gov.judgment.unperformed': ({ rng, region, year }) => {
    const amount = amountBetween(rng, 4, 7);
    return {
      caseNumber: caseNumber(rng, region, year, '行初'),
      court: courtName(region),
      obligation: `Pay compensation of ${amount} yuan`,
      amount,
    };
  },
  'loan.overdue': ({ rng }) => {
    const daysOverdue = randomInt(rng, 1, 180);
    return { daysOverdue, cycles: Math.max(1, Math.ceil(daysOverdue / 30)), amount: amountBetween(rng, 2.5, 5) };
  },
  'loan.default': ({ rng }) => ({ amount: amountBetween(rng, 4, 6.5), daysOverdue: randomInt(rng, 90, 720) }),
  'loan.settled': ({ rng }) => ({ amount: amountBetween(rng, 2.5, 5) }),
  'loan.ontime_history': ({ rng }) => ({ months: randomInt(rng, 6, 120) }),
  'tax.arrears': ({ rng, kind }) => ({
    amount: kind === 'person' ? amountBetween(rng, 2.5, 5) : amountBetween(rng, 3.5, 6.5),
    taxType: kind === 'person' ? 'individual_income' : pick(rng, ['value_added', 'corporate_income', 'stamp', 'urban_land_use']),
  }),
  'tax.major_violation': ({ rng }) => ({
    amount: amountBetween(rng, 5, 7.5),
    violation: pick(rng, ['evasion', 'false_invoicing', 'fraud_refund', 'evading_arrears_recovery']),
  }),
  'tax.a_grade': ({ year }) => ({ year: year - 1 }),
  'transport.fare_evasion': ({ rng, mode }) => (mode === 'air' ? { mode: 'air', amount: amountBetween(rng, 2.7, 3.5) } : { mode: 'rail', amount: amountBetween(rng, 1.3, 2.8) }),
  'transport.disruptive_passenger': ({ rng, mode }) => ({
    mode: mode ?? 'rail',
    conduct: pick(rng, mode === 'air' ? AIR_CONDUCTS : RAIL_CONDUCTS),
  }),
  'admin.traffic_penalty': ({ rng }) => {
    const offence = pick(rng, ['speeding', 'speeding', 'failing_to_yield_to_pedestrians', 'running_red_light', 'phone_use_while_driving', 'illegal_parking', 'drink_driving']);
    return { offence, fineAmount: offence === 'drink_driving' ? 2000 : pick(rng, [50, 100, 200, 200]), points: offence === 'illegal_parking' ? 0 : pick(rng, [1, 3, 3, 6]) };
  },
  'admin.public_order_penalty': ({ rng }) => {
    const offence = pick(rng, ['fighting', 'vandalism_of_public_property', 'stealing_utilities', 'theft', 'littering']);
    return { offence, fineAmount: offence === 'littering' ? 50 : pick(rng, [200, 500]), ...(offence === 'fighting' ? { detentionDays: randomInt(rng, 0, 10) } : {}) };
  },
  'reg.environment_violation': regulatory('环', (rng) => ({ violation: pick(rng, ['illegal_discharge', 'exceeding_emission_limits', 'operating_without_permit']) })),
  'reg.work_safety_violation': regulatory('应急', (rng) => (rng() < 0.1 ? { fatalities: randomInt(rng, 1, 3) } : {})),
  'reg.product_safety_violation': regulatory('市监', (rng) => ({ violation: pick(rng, ['substandard_product', 'counterfeit_product', 'false_labelling']) })),
  'reg.food_safety_violation': regulatory('市监', (rng) => ({ violation: pick(rng, ['expired_food', 'illegal_additives', 'unlicensed_operation']) })),
  'reg.wage_arrears': ({ rng, region, year }) => ({
    penaltyDecision: penaltyDecisionNumber(rng, region, year, '人社监'),
    amount: amountBetween(rng, 4, 6.5),
    workersAffected: randomInt(rng, 3, 300),
  }),
  'reg.abnormal_operations': ({ rng, region, year }) => ({
    penaltyDecision: penaltyDecisionNumber(rng, region, year, '市监异'),
    reason: pick(rng, ['no_annual_report', 'no_annual_report', 'unreachable_address', 'false_annual_report']),
  }),
  'reg.bid_rigging': regulatory('财库', (rng) => ({ contractValue: amountBetween(rng, 5.5, 8) })),
  'civic.volunteer_service': ({ rng }) => ({ hours: randomInt(rng, 20, 600) }),
  'civic.commendation': ({ rng }) => ({ level: pick(rng, ['county', 'county', 'city', 'province']) }),
};

/** Attributes for a demo record of `type`; types without a maker use the taxonomy's example. */
export function demoAttributes(type: string, ctx: AttributeContext): Attributes {
  const make = MAKERS[type];
  return make === undefined ? exampleAttributes(type) : make(ctx);
}
