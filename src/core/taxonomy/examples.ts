import type { Attributes } from '../record.js';

/**
 * One valid attribute set per record type, for tests, demos and documentation. The taxonomy tests
 * check that every type has one and that it validates.
 */
export const EXAMPLE_ATTRIBUTES: Readonly<Record<string, Attributes>> = {
  'court.defaulter.refuses_to_perform': {
    caseNumber: '(2024)京0105执1234号',
    court: '北京市朝阳区人民法院',
    obligation: 'Repay a loan of 120000 yuan with interest',
    amount: 120_000,
  },
  'court.defaulter.obstructs_enforcement': {
    caseNumber: '(2023)沪0115执5678号',
    court: '上海市浦东新区人民法院',
    obligation: 'Vacate and hand over the leased premises',
    aggravated: true,
    extensionYears: 2,
  },
  'court.defaulter.evades_enforcement': {
    caseNumber: '(2022)粤0304执恢321号',
    court: '深圳市福田区人民法院',
    obligation: 'Pay 850000 yuan for goods delivered',
    amount: 850_000,
    extensionYears: 1,
  },
  'court.defaulter.violates_property_reporting': {
    caseNumber: '(2024)浙0106执2001号',
    court: '杭州市西湖区人民法院',
    obligation: 'Pay 36000 yuan in unpaid rent',
    amount: 36_000,
  },
  'court.defaulter.violates_consumption_restriction': {
    caseNumber: '(2019)京0105执字第1234号',
    court: '北京市朝阳区人民法院',
    obligation: 'Repay a loan of 50000 yuan',
    amount: 50_000,
    aggravated: false,
  },
  'court.defaulter.refuses_settlement': {
    caseNumber: '（2024）川0107执88号',
    court: '成都市武侯区人民法院',
    obligation: 'Pay 20000 yuan in instalments as settled',
    amount: 20_000,
  },
  'court.consumption_restriction': { caseNumber: '(2024)京0105执1234号', court: '北京市朝阳区人民法院' },
  'court.judgment.performed': { caseNumber: '(2024)京0105民初77号', court: '北京市朝阳区人民法院', onTime: true },
  'court.civil.breach_of_contract': { caseNumber: '(2024)鲁1082民初456号', court: '荣成市人民法院', amount: 15_000 },
  'gov.judgment.unperformed': {
    caseNumber: '(2024)苏01行初12号',
    court: '南京市中级人民法院',
    obligation: 'Pay compensation of 300000 yuan for the expropriated land',
    amount: 300_000,
  },
  'loan.overdue': { daysOverdue: 65, cycles: 2, amount: 4_200.5 },
  'loan.default': { amount: 180_000, daysOverdue: 120 },
  'loan.settled': { amount: 4_200.5 },
  'loan.ontime_history': { months: 24 },
  'tax.arrears': { amount: 56_000, taxType: 'value_added' },
  'tax.major_violation': { amount: 1_200_000, violation: 'false_invoicing' },
  'tax.a_grade': { year: 2024 },
  'transport.fare_evasion': { mode: 'metro', amount: 6 },
  'transport.disruptive_passenger': { mode: 'rail', conduct: 'smoking_on_train' },
  'admin.traffic_penalty': { offence: 'failing_to_yield_to_pedestrians', fineAmount: 200, points: 3 },
  'admin.public_order_penalty': { offence: 'fighting', fineAmount: 500, detentionDays: 5 },
  'reg.environment_violation': {
    penaltyDecision: '京环罚〔2024〕12号',
    fineAmount: 200_000,
    severity: 'serious',
    violation: 'exceeding_emission_limits',
  },
  'reg.work_safety_violation': { penaltyDecision: '(苏)应急罚〔2024〕9号', fineAmount: 500_000, severity: 'major', fatalities: 1 },
  'reg.product_safety_violation': { penaltyDecision: '沪市监罚字[2023]第45号', severity: 'minor', violation: 'false_labelling' },
  'reg.food_safety_violation': { penaltyDecision: '粤市监罚〔2024〕301号', fineAmount: 50_000, severity: 'serious' },
  'reg.wage_arrears': { penaltyDecision: '津人社监令〔2024〕7号', amount: 380_000, workersAffected: 42 },
  'reg.abnormal_operations': { penaltyDecision: '京朝市监异〔2024〕1203号', reason: 'no_annual_report' },
  'reg.bid_rigging': { penaltyDecision: '财库罚〔2024〕15号', fineAmount: 100_000, severity: 'serious', contractValue: 9_800_000 },
  'civic.volunteer_service': { hours: 120 },
  'civic.commendation': { level: 'city' },
};

/** The example attributes of a record type; throws for a code without an example (a test bug). */
export function exampleAttributes(code: string): Attributes {
  const example = Object.hasOwn(EXAMPLE_ATTRIBUTES, code) ? EXAMPLE_ATTRIBUTES[code] : undefined;
  if (example === undefined) throw new Error(`no example attributes for record type ${JSON.stringify(code)}`);
  return example;
}
