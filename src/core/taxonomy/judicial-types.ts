import type { RecordType } from './model.js';
import { amount, flag, integer } from './attribute-builders.js';
import { caseNumber, court, obligation } from './common-attributes.js';
import { NEGATIVE_RETENTION, POSITIVE_RETENTION } from './retention.js';

/** Attributes of the six conducts of SPC provisions on the dishonest judgment defaulter list, Art. 1. */
const defaulterAttributes = {
  caseNumber,
  court,
  obligation,
  amount: amount('optional', 'Amount still owed under the judgment, in yuan'),
  aggravated: flag('optional', 'Violence, threats or several dishonest acts (grounds to extend the listing, Art. 2)'),
  extensionYears: integer('optional', 0, 3, 'Extension of the listing term ordered by the court, in whole years (Art. 2)'),
} as const;

const defaulter = (code: string, title: string, description: string): RecordType => ({
  code,
  domain: 'judicial',
  polarity: 'negative',
  title,
  description,
  subjects: ['person', 'organization'],
  furnishers: ['court'],
  attributes: defaulterAttributes,
  retention: NEGATIVE_RETENTION,
  requiresConsent: false,
});

export const JUDICIAL_TYPES: readonly RecordType[] = [
  defaulter(
    'court.defaulter.refuses_to_perform',
    'Able to perform a judgment but refuses',
    'The court found that the subject can perform what an effective judgment requires and refuses to do so.',
  ),
  defaulter(
    'court.defaulter.obstructs_enforcement',
    'Obstructs enforcement',
    'The subject hindered or resisted enforcement of a judgment by forged evidence, violence or threats.',
  ),
  defaulter(
    'court.defaulter.evades_enforcement',
    'Evades enforcement',
    'The subject avoided enforcement of a judgment by sham litigation or arbitration, or by hiding or transferring assets.',
  ),
  defaulter(
    'court.defaulter.violates_property_reporting',
    'Breaks the property-reporting rules',
    'The subject did not report, or falsely reported, their property to the enforcing court as the rules require.',
  ),
  defaulter(
    'court.defaulter.violates_consumption_restriction',
    'Breaks a consumption-restriction order',
    'The subject did something a court restriction order forbids them while a judgment is unperformed, such as taking a flight.',
  ),
  defaulter(
    'court.defaulter.refuses_settlement',
    'Refuses to perform an enforcement settlement',
    'The subject agreed a settlement during enforcement and then, without a valid reason, did not perform it.',
  ),
  {
    code: 'court.consumption_restriction',
    domain: 'judicial',
    polarity: 'negative',
    title: 'Under a consumption-restriction order',
    description:
      'A court ordered the subject, who has not performed a judgment, to keep off high-end travel, hotels and similar ' +
      'items until it is performed.',
    subjects: ['person', 'organization'],
    furnishers: ['court'],
    attributes: { caseNumber, court },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'court.judgment.performed',
    domain: 'judicial',
    polarity: 'positive',
    title: 'Performed a judgment',
    description: 'The subject did everything an effective judgment required of them.',
    subjects: ['person', 'organization', 'public_body'],
    furnishers: ['court'],
    attributes: {
      caseNumber,
      court,
      onTime: flag('required', 'Performed within the time the judgment set, without enforcement'),
    },
    retention: POSITIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'court.civil.breach_of_contract',
    domain: 'judicial',
    polarity: 'negative',
    title: 'Lost a breach-of-contract lawsuit',
    description: 'An effective civil judgment found that the subject broke a contract.',
    subjects: ['person', 'organization'],
    furnishers: ['court'],
    attributes: {
      caseNumber,
      court,
      amount: amount('required', 'Damages or sum awarded against the subject, in yuan'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'gov.judgment.unperformed',
    domain: 'judicial',
    polarity: 'negative',
    title: 'Public body has not performed a judgment',
    description: 'A government department or other public body has not done what an effective judgment against it requires.',
    subjects: ['public_body'],
    furnishers: ['court'],
    attributes: {
      caseNumber,
      court,
      obligation,
      amount: amount('optional', 'Amount still owed under the judgment, in yuan'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
];
