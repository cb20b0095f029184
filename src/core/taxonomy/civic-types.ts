import type { RecordType } from './model.js';
import { integer, oneOf } from './attribute-builders.js';
import { POSITIVE_RETENTION } from './retention.js';

export const COMMENDATION_LEVELS = ['county', 'city', 'province', 'national'] as const;

/** Positive civic records count only with the subject's consent: merit is never recorded on anyone's behalf. */
export const CIVIC_TYPES: readonly RecordType[] = [
  {
    code: 'civic.volunteer_service',
    domain: 'civic',
    polarity: 'positive',
    title: 'Volunteer service',
    description: 'Hours of registered volunteer service the person completed.',
    subjects: ['person'],
    furnishers: ['civil_affairs'],
    attributes: { hours: integer('required', 1, 10_000, 'Hours of service completed') },
    retention: POSITIVE_RETENTION,
    requiresConsent: true,
  },
  {
    code: 'civic.commendation',
    domain: 'civic',
    polarity: 'positive',
    title: 'Official commendation',
    description: 'The person received a commendation from a government for a good deed, such as a rescue.',
    subjects: ['person'],
    furnishers: ['civil_affairs'],
    attributes: { level: oneOf('required', COMMENDATION_LEVELS, 'Level of government that gave the commendation') },
    retention: POSITIVE_RETENTION,
    requiresConsent: true,
  },
];
