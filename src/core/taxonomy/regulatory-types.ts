import type { RecordType } from './model.js';
import { amount, integer, oneOf } from './attribute-builders.js';
import { penaltyDecision, SEVERITIES } from './common-attributes.js';
import { NEGATIVE_RETENTION } from './retention.js';

export const ENVIRONMENT_VIOLATIONS = [
  'illegal_discharge', 'exceeding_emission_limits', 'falsified_monitoring_data', 'operating_without_permit',
  'hazardous_waste_mishandling',
] as const;
export const PRODUCT_VIOLATIONS = ['substandard_product', 'counterfeit_product', 'false_labelling', 'unlicensed_production'] as const;
export const FOOD_VIOLATIONS = ['adulteration', 'illegal_additives', 'expired_food', 'unlicensed_operation', 'false_labelling'] as const;
export const ABNORMAL_OPERATION_REASONS = [
  'no_annual_report', 'unreachable_address', 'false_annual_report', 'no_required_disclosure',
] as const;

const fineAmount = amount('optional', 'The fine imposed, in yuan');
const severity = oneOf('required', SEVERITIES, 'How serious the regulator found the violation');
const penalty = { penaltyDecision, fineAmount, severity } as const;

const regulatory = (code: string, title: string, description: string, attributes: RecordType['attributes']): RecordType => ({
  code,
  domain: 'regulatory',
  polarity: 'negative',
  title,
  description,
  subjects: ['organization'],
  furnishers: ['regulator'],
  attributes,
  retention: NEGATIVE_RETENTION,
  requiresConsent: false,
});

export const REGULATORY_TYPES: readonly RecordType[] = [
  regulatory(
    'reg.environment_violation',
    'Environmental violation',
    'The environmental regulator penalised the organization for pollution or for breaking environmental rules.',
    { ...penalty, violation: oneOf('optional', ENVIRONMENT_VIOLATIONS, 'What the violation was') },
  ),
  regulatory(
    'reg.work_safety_violation',
    'Work safety violation',
    'The work safety regulator penalised the organization for breaking work safety rules or for an accident it caused.',
    { ...penalty, fatalities: integer('optional', 0, 100_000, 'People killed in the accident, if there was one') },
  ),
  regulatory(
    'reg.product_safety_violation',
    'Product quality or safety violation',
    'The market regulator penalised the organization for making or selling unsafe, substandard or counterfeit products.',
    { ...penalty, violation: oneOf('optional', PRODUCT_VIOLATIONS, 'What the violation was') },
  ),
  regulatory(
    'reg.food_safety_violation',
    'Food safety violation',
    'The market regulator penalised the organization for producing or selling food that breaks food safety rules.',
    { ...penalty, violation: oneOf('optional', FOOD_VIOLATIONS, 'What the violation was') },
  ),
  regulatory(
    'reg.wage_arrears',
    'Unpaid wages',
    'The labour inspectorate found that the organization withheld wages it owes its workers.',
    {
      penaltyDecision,
      amount: amount('required', 'Wages owed, in yuan'),
      workersAffected: integer('required', 1, 1_000_000, 'Number of workers owed wages'),
    },
  ),
  regulatory(
    'reg.abnormal_operations',
    'Listed for abnormal operations',
    'The market regulator listed the organization as operating abnormally, for example for not filing its annual report.',
    { penaltyDecision, reason: oneOf('required', ABNORMAL_OPERATION_REASONS, 'Why the organization was listed') },
  ),
  regulatory(
    'reg.bid_rigging',
    'Bid rigging',
    'The organization colluded with other bidders or with the buyer in a public tender, or bid under false pretences.',
    { ...penalty, contractValue: amount('optional', 'Value of the tendered contract, in yuan') },
  ),
];
