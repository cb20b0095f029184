import type { RecordType } from './model.js';
import { amount, integer, oneOf } from './attribute-builders.js';
import { NEGATIVE_RETENTION } from './retention.js';

export const TRAFFIC_OFFENCES = [
  'drink_driving', 'drunk_driving', 'speeding', 'failing_to_yield_to_pedestrians', 'running_red_light',
  'unlicensed_driving', 'hit_and_run', 'wrong_way_driving', 'phone_use_while_driving', 'overloading', 'illegal_parking',
] as const;

/**
 * Public-order offences, each a concrete act against people or property. Catch-all offences such as
 * "disturbing public order" or "picking quarrels" are left out on purpose: they are how speech and
 * petitioning get punished, which the registry refuses to record (DESIGN.md §3).
 */
export const PUBLIC_ORDER_OFFENCES = [
  'fighting', 'vandalism_of_public_property', 'stealing_utilities', 'theft', 'fraud', 'pyramid_selling', 'littering',
  'false_alarm',
] as const;

export const ADMINISTRATIVE_TYPES: readonly RecordType[] = [
  {
    code: 'admin.traffic_penalty',
    domain: 'administrative',
    polarity: 'negative',
    title: 'Traffic penalty',
    description: 'The traffic police fined the subject for a road traffic offence.',
    subjects: ['person'],
    furnishers: ['public_security'],
    attributes: {
      offence: oneOf('required', TRAFFIC_OFFENCES, 'The traffic offence'),
      fineAmount: amount('required', 'The fine, in yuan'),
      points: integer('optional', 0, 12, 'Penalty points on the driving licence'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'admin.public_order_penalty',
    domain: 'administrative',
    polarity: 'negative',
    title: 'Public order penalty',
    description: 'The police or city administration penalised the subject for a public order offence.',
    subjects: ['person'],
    furnishers: ['public_security', 'regulator'],
    attributes: {
      offence: oneOf('required', PUBLIC_ORDER_OFFENCES, 'The offence'),
      fineAmount: amount('required', 'The fine, in yuan (0 for a warning only)'),
      detentionDays: integer('optional', 0, 20, 'Days of administrative detention (at most 20 for combined offences)'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
];
