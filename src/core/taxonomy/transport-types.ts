import type { RecordType } from './model.js';
import { amount, oneOf } from './attribute-builders.js';
import { NEGATIVE_RETENTION } from './retention.js';

export const FARE_MODES = ['rail', 'metro', 'bus', 'air'] as const;

/** Conducts named in the rail and air passenger restriction notices; each endangers or obstructs others. */
export const PASSENGER_CONDUCTS = [
  'smoking_on_train', 'smoking_on_aircraft', 'occupying_seat', 'violence_against_crew', 'safety_threat',
  'false_threat_report', 'blocking_check_in_or_boarding', 'ticket_scalping', 'forged_ticket',
] as const;

export const TRANSPORT_TYPES: readonly RecordType[] = [
  {
    code: 'transport.fare_evasion',
    domain: 'transport',
    polarity: 'negative',
    title: 'Fare evasion',
    description: 'The subject rode without a valid ticket and did not pay the fare when asked.',
    subjects: ['person'],
    furnishers: ['transport_operator'],
    attributes: {
      mode: oneOf('required', FARE_MODES, 'The kind of transport'),
      amount: amount('required', 'The fare not paid, in yuan'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'transport.disruptive_passenger',
    domain: 'transport',
    polarity: 'negative',
    title: 'Disruptive passenger',
    description:
      'The operator recorded that the passenger endangered safety or obstructed crew or other passengers, ' +
      'for example by smoking on a train or attacking crew.',
    subjects: ['person'],
    furnishers: ['transport_operator'],
    attributes: {
      mode: oneOf('required', ['air', 'rail'], 'The kind of transport'),
      conduct: oneOf('required', PASSENGER_CONDUCTS, 'What the passenger did'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
];
