import { ridCheckCharacter } from '../../src/core/identifiers/index.js';
import { exampleAttributes } from '../../src/core/taxonomy/index.js';

const DAY = 86_400_000;
const BIRTH_EPOCH = Date.UTC(1950, 0, 1);

/** The i-th bench person: a valid resident ID, unique for i < 1000 × 20,000 days. */
export function benchIdentifier(i: number): string {
  const birth = new Date(BIRTH_EPOCH + Math.floor(i / 1000) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `110105${birth}${String(i % 1000).padStart(3, '0')}`;
  return `${body}${ridCheckCharacter(body)}`;
}

/** One subject in twenty is a listed judgment defaulter; the rest have a loan repaid on time. */
export const isListed = (i: number): boolean => i % 20 === 0;

export const BENCH_FURNISHERS = [
  { id: 'bench-court', kind: 'court', name: 'Bench Court', types: ['court.defaulter.refuses_to_perform'] },
  { id: 'bench-bank', kind: 'lender', name: 'Bench Bank', types: ['loan.ontime_history'] },
] as const;

/**
 * Batches of records for subjects [from, to), each batch from one furnisher, at most `size` records.
 * Records occurred within the 300 days before `asOf`, so standings computed then stay current for weeks.
 */
export function* benchBatches(from: number, to: number, size: number, asOf: number): Generator<{ readonly furnisherId: string; readonly records: readonly object[] }> {
  const court: object[] = [];
  const bank: object[] = [];
  const defaulter = exampleAttributes('court.defaulter.refuses_to_perform');
  const loan = exampleAttributes('loan.ontime_history');
  for (let i = from; i < to; i++) {
    const subject = { scheme: 'cn-rid', identifier: benchIdentifier(i) };
    const occurredAt = new Date(asOf - (1 + (i % 300)) * DAY).toISOString().slice(0, 10);
    if (isListed(i)) {
      court.push({ furnisherRef: `b-${i}`, subject, type: 'court.defaulter.refuses_to_perform', occurredAt, attributes: defaulter, legalBasis: 'Civil Procedure Law, Art. 262' });
    } else {
      bank.push({ furnisherRef: `b-${i}`, subject, type: 'loan.ontime_history', occurredAt, attributes: loan, legalBasis: 'Credit Reporting Industry Regulation (2013)' });
    }
    if (court.length === size) yield { furnisherId: 'bench-court', records: court.splice(0) };
    if (bank.length === size) yield { furnisherId: 'bench-bank', records: bank.splice(0) };
  }
  if (court.length > 0) yield { furnisherId: 'bench-court', records: court.splice(0) };
  if (bank.length > 0) yield { furnisherId: 'bench-bank', records: bank.splice(0) };
}
