import type { RecordType } from './model.js';
import { amount, integer, oneOf } from './attribute-builders.js';
import { NEGATIVE_RETENTION, POSITIVE_RETENTION } from './retention.js';

/** The taxes collected by the tax offices (customs duty and tonnage dues are collected by customs). */
export const TAX_KINDS = [
  'value_added', 'consumption', 'corporate_income', 'individual_income', 'resource', 'urban_maintenance',
  'property', 'urban_land_use', 'land_value_increment', 'vehicle_and_vessel', 'vehicle_acquisition', 'stamp',
  'deed', 'farmland_occupation', 'tobacco_leaf', 'environmental_protection',
] as const;

/** Conducts that make a case a major tax violation (a "major tax violation and dishonesty case"). */
export const TAX_VIOLATIONS = [
  'evasion', 'evading_arrears_recovery', 'fraud_refund', 'resisting_tax', 'false_invoicing',
  'forging_invoices', 'illegal_invoice_trading',
] as const;

export const TAX_TYPES: readonly RecordType[] = [
  {
    code: 'tax.arrears',
    domain: 'tax',
    polarity: 'negative',
    title: 'Tax arrears',
    description: 'The subject did not pay tax it owes by the legal deadline.',
    subjects: ['person', 'organization'],
    furnishers: ['tax_office'],
    attributes: {
      amount: amount('required', 'Tax owed, in yuan'),
      taxType: oneOf('required', TAX_KINDS, 'Which tax is owed'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'tax.major_violation',
    domain: 'tax',
    polarity: 'negative',
    title: 'Major tax violation',
    description: 'The tax office decided the subject committed a major tax violation, such as evasion or false invoicing.',
    subjects: ['person', 'organization'],
    furnishers: ['tax_office'],
    attributes: {
      amount: amount('required', 'Tax evaded, refunded by fraud or invoiced falsely, in yuan'),
      violation: oneOf('required', TAX_VIOLATIONS, 'What the violation was'),
    },
    retention: NEGATIVE_RETENTION,
    requiresConsent: false,
  },
  {
    code: 'tax.a_grade',
    domain: 'tax',
    polarity: 'positive',
    title: 'A-grade taxpayer',
    description: 'The tax office rated the organization grade A for tax compliance in its annual evaluation.',
    subjects: ['organization'],
    furnishers: ['tax_office'],
    attributes: {
      year: integer('required', 2014, 2100, 'The tax year the grade was given for'),
    },
    retention: POSITIVE_RETENTION,
    requiresConsent: false,
  },
];
