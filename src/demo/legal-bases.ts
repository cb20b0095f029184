/** The public text each demo record rests on, by record type prefix (the first matching entry wins). */
const BASES: readonly (readonly [string, string])[] = [
  ['court.defaulter.', 'SPC Provisions on Publishing the List of Dishonest Judgment Defaulters (2017), Art. 1'],
  ['court.consumption_restriction', 'SPC Provisions on Restricting High Consumption of Judgment Debtors (2015), Art. 1'],
  ['court.', 'Civil Procedure Law of the PRC, Art. 247'],
  ['gov.judgment.unperformed', 'Administrative Procedure Law of the PRC, Art. 96'],
  ['loan.', 'Regulation on the Administration of the Credit Reporting Industry (2013), Art. 15'],
  ['tax.a_grade', 'SAT Measures for Taxpayer Credit Evaluation (2014)'],
  ['tax.major_violation', 'SAT Measures on Major Tax Violation and Dishonesty Cases (2021)'],
  ['tax.', 'Tax Collection and Administration Law of the PRC, Art. 32'],
  ['transport.', 'Opinions on Restricting Seriously Dishonest Persons from Taking Trains and Flights (Fagai Caijin [2018] Nos. 384, 385)'],
  ['admin.traffic_penalty', 'Road Traffic Safety Law of the PRC, Art. 87'],
  ['admin.', 'Public Security Administration Punishments Law of the PRC'],
  ['reg.environment_violation', 'Environmental Protection Law of the PRC, Art. 59'],
  ['reg.work_safety_violation', 'Work Safety Law of the PRC, Art. 114'],
  ['reg.wage_arrears', 'Regulation on Guaranteeing Payment of Wages to Migrant Workers (2019)'],
  ['reg.abnormal_operations', 'Interim Measures for the Administration of the List of Enterprises with Abnormal Operations (2014)'],
  ['reg.bid_rigging', 'Bidding Law of the PRC, Art. 53'],
  ['reg.', 'Product Quality Law and Food Safety Law of the PRC'],
  ['civic.', 'Regulation on Volunteer Service (2017); consent given by the person'],
];

export function legalBasisFor(type: string): string {
  for (const [prefix, basis] of BASES) if (type.startsWith(prefix)) return basis;
  return 'Guiding Opinions of the State Council, Guofa [2016] No. 33';
}
