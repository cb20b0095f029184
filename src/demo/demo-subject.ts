import type { Instant } from '../core/brand.js';
import { generateRid, generateUscc } from '../core/identifiers/index.js';
import { randomInt, type Rng } from '../core/random.js';
import type { SubjectKind } from '../core/subject.js';
import type { RecordInput } from '../ledger/furnish-types.js';
import { demoAttributes } from './demo-attributes.js';
import type { DemoFurnisherId } from './demo-furnishers.js';
import { subjectRng } from './demo-seed.js';
import { legalBasisFor } from './legal-bases.js';

/** One furnished demo record; `fulfilledAt` when the furnisher later reports it performed or paid. */
export interface DemoRecord {
  readonly furnisherId: DemoFurnisherId;
  readonly record: RecordInput;
  readonly fulfilledAt?: string;
}

export interface DemoSubject {
  readonly index: number;
  readonly kind: SubjectKind;
  readonly scheme: 'cn-rid' | 'cn-uscc';
  readonly identifier: string;
  readonly records: readonly DemoRecord[];
}

const DAY = 86_400_000;
const DEFAULTER_CONDUCTS = [
  ['refuses_to_perform', 70], ['evades_enforcement', 10], ['violates_property_reporting', 10],
  ['refuses_settlement', 5], ['violates_consumption_restriction', 3], ['obstructs_enforcement', 2],
] as const;

/** A planned record: type, furnisher and, for some, a transport mode or a later fulfilment. */
interface Plan {
  readonly type: string;
  readonly furnisherId: DemoFurnisherId;
  readonly mode?: 'rail' | 'air';
  readonly fulfil?: boolean;
  readonly consent?: boolean;
  /** Dated a few days after the previous record (a restriction order follows the listing). */
  readonly follows?: boolean;
}

/**
 * Subject number `index` of the population of `seed`, with its records as of `asOf`: a pure function, so the
 * population can be streamed. Shares follow the pattern of real registries: most files clean or positive,
 * some overdue loans and fines, a few percent judgment defaulters (a third of whom later perform).
 */
export function demoSubject(seed: number, index: number, asOf: Instant): DemoSubject {
  const rng = subjectRng(seed, index);
  const u = rng();
  const kind: SubjectKind = u < 0.85 ? 'person' : u < 0.99 ? 'organization' : 'public_body';
  const identifier = kind === 'person' ? generateRid(rng, { birthYearMin: 1950, birthYearMax: 2004 }) : generateUscc(rng, { publicBody: kind === 'public_body' });
  const scheme = kind === 'person' ? 'cn-rid' : 'cn-uscc';
  const plans = kind === 'person' ? personPlans(rng) : kind === 'organization' ? organizationPlans(rng) : publicBodyPlans(rng);
  const region = identifier.slice(kind === 'person' ? 0 : 2, kind === 'person' ? 6 : 8);
  let previous = asOf;
  const records = plans.map((plan, k): DemoRecord => {
    const occurred = plan.follows === true ? Math.min(previous + randomInt(rng, 0, 10) * DAY, asOf - DAY) : asOf - randomInt(rng, 20, 4 * 365) * DAY;
    previous = occurred;
    const year = new Date(occurred).getUTCFullYear();
    const record: RecordInput = {
      furnisherRef: `${plan.furnisherId.slice(5)}-${String(index).padStart(9, '0')}-${k + 1}`,
      subject: { scheme, identifier },
      type: plan.type,
      occurredAt: isoDate(occurred),
      attributes: demoAttributes(plan.type, { rng, kind, region, year, ...(plan.mode === undefined ? {} : { mode: plan.mode }) }),
      legalBasis: legalBasisFor(plan.type),
      ...(plan.consent === undefined ? {} : { consent: plan.consent }),
    };
    if (plan.fulfil !== true) return { furnisherId: plan.furnisherId, record };
    const fulfilled = occurred + randomInt(rng, 15, Math.max(16, Math.floor((asOf - occurred) / DAY) - 1)) * DAY;
    return { furnisherId: plan.furnisherId, record, fulfilledAt: isoDate(Math.min(fulfilled, asOf - DAY)) };
  });
  return { index, kind, scheme, identifier, records };
}

const isoDate = (t: Instant): string => new Date(t).toISOString().slice(0, 10);

function weighted<T extends string>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [value, w] of table) if ((x -= w) < 0) return value;
  return table[table.length - 1]?.[0] as T;
}

const lender = (rng: Rng): DemoFurnisherId => (rng() < 0.6 ? 'demo-bank' : 'demo-consumer-finance');

function defaulterPlans(rng: Rng, out: Plan[]): void {
  const fulfil = rng() < 0.33;
  out.push({ type: `court.defaulter.${weighted(rng, DEFAULTER_CONDUCTS)}`, furnisherId: 'demo-court', fulfil });
  if (rng() < 0.6) out.push({ type: 'court.consumption_restriction', furnisherId: 'demo-court', fulfil, follows: true });
}

function personPlans(rng: Rng): Plan[] {
  const p: Plan[] = [];
  if (rng() < 0.3) p.push({ type: 'loan.ontime_history', furnisherId: lender(rng) });
  if (rng() < 0.06) p.push({ type: 'loan.overdue', furnisherId: lender(rng), fulfil: rng() < 0.5 });
  if (rng() < 0.01) p.push({ type: 'loan.default', furnisherId: lender(rng) });
  if (rng() < 0.025) defaulterPlans(rng, p);
  if (rng() < 0.01) p.push({ type: 'court.civil.breach_of_contract', furnisherId: 'demo-court' });
  if (rng() < 0.015) p.push({ type: 'tax.arrears', furnisherId: 'demo-tax', fulfil: rng() < 0.4 });
  if (rng() < 0.08) p.push({ type: 'admin.traffic_penalty', furnisherId: 'demo-public-security' });
  if (rng() < 0.005) p.push({ type: 'admin.public_order_penalty', furnisherId: 'demo-public-security' });
  if (rng() < 0.02) p.push({ type: 'transport.fare_evasion', furnisherId: 'demo-railway', mode: 'rail' });
  if (rng() < 0.003) {
    const air = rng() < 0.4;
    p.push({ type: 'transport.disruptive_passenger', furnisherId: air ? 'demo-airline' : 'demo-railway', mode: air ? 'air' : 'rail' });
  }
  if (rng() < 0.04) p.push({ type: 'civic.volunteer_service', furnisherId: 'demo-civil-affairs', consent: rng() < 0.9 });
  if (rng() < 0.005) p.push({ type: 'civic.commendation', furnisherId: 'demo-civil-affairs', consent: true });
  return p;
}

const REGULATORY = [
  ['reg.abnormal_operations', 6], ['reg.environment_violation', 2], ['reg.work_safety_violation', 1.5],
  ['reg.product_safety_violation', 1.5], ['reg.food_safety_violation', 1], ['reg.wage_arrears', 1], ['reg.bid_rigging', 0.5],
] as const;

function organizationPlans(rng: Rng): Plan[] {
  const p: Plan[] = [];
  if (rng() < 0.2) p.push({ type: 'tax.a_grade', furnisherId: 'demo-tax' });
  if (rng() < 0.06) p.push({ type: 'tax.arrears', furnisherId: 'demo-tax', fulfil: rng() < 0.5 });
  if (rng() < 0.008) p.push({ type: 'tax.major_violation', furnisherId: 'demo-tax' });
  if (rng() < 0.135) p.push({ type: weighted(rng, REGULATORY), furnisherId: 'demo-market-regulator' });
  if (rng() < 0.25) p.push({ type: 'loan.ontime_history', furnisherId: 'demo-bank' });
  if (rng() < 0.05) p.push({ type: 'loan.overdue', furnisherId: 'demo-bank', fulfil: rng() < 0.5 });
  if (rng() < 0.01) p.push({ type: 'loan.default', furnisherId: 'demo-bank' });
  if (rng() < 0.02) defaulterPlans(rng, p);
  if (rng() < 0.02) p.push({ type: 'court.civil.breach_of_contract', furnisherId: 'demo-court' });
  if (rng() < 0.05) p.push({ type: 'court.judgment.performed', furnisherId: 'demo-court' });
  return p;
}

function publicBodyPlans(rng: Rng): Plan[] {
  const p: Plan[] = [];
  if (rng() < 0.2) p.push({ type: 'court.judgment.performed', furnisherId: 'demo-court' });
  if (rng() < 0.05) p.push({ type: 'gov.judgment.unperformed', furnisherId: 'demo-court', fulfil: rng() < 0.3 });
  return p;
}
