import type { RecordType } from './model.js';
import { amount, integer } from './attribute-builders.js';
import { NEGATIVE_RETENTION, POSITIVE_RETENTION } from './retention.js';

const daysOverdue = integer('required', 1, 3650, 'Days past the due date, counted by the lender');

const loanType = (
  code: string,
  polarity: RecordType['polarity'],
  title: string,
  description: string,
  attributes: RecordType['attributes'],
): RecordType => ({
  code,
  domain: 'finance',
  polarity,
  title,
  description,
  subjects: ['person', 'organization'],
  furnishers: ['lender'],
  attributes,
  retention: polarity === 'negative' ? NEGATIVE_RETENTION : POSITIVE_RETENTION,
  requiresConsent: false,
});

export const FINANCE_TYPES: readonly RecordType[] = [
  loanType('loan.overdue', 'negative', 'Loan repayment overdue', 'The subject missed one or more scheduled loan repayments.', {
    daysOverdue,
    cycles: integer('required', 1, 120, 'Number of monthly repayment cycles missed'),
    amount: amount('required', 'Amount overdue, in yuan'),
  }),
  loanType('loan.default', 'negative', 'Loan in default', 'The lender declared the loan in default after the subject stopped repaying.', {
    amount: amount('required', 'Amount outstanding at default, in yuan'),
    daysOverdue,
  }),
  loanType('loan.settled', 'positive', 'Arrears settled', 'The subject paid off loan arrears in full.', {
    amount: amount('required', 'Amount paid to clear the arrears, in yuan'),
  }),
  loanType('loan.ontime_history', 'positive', 'Repaid on time', 'The subject made every scheduled loan repayment on time over a period.', {
    months: integer('required', 1, 600, 'Length of the on-time repayment period, in months'),
  }),
];
