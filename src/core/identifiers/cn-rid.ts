import type { Instant } from '../brand.js';
import { pick, randomInt, type Rng } from '../random.js';
import { accept, invalid, normalizeShape } from './parse-steps.js';
import { isKnownDivision, knownCountyCodes } from './regions.js';
import type { IdentifierScheme, ParseOptions, ParseResult } from './scheme.js';

const DIGITS = '0123456789';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** Older birth dates are taken for typing errors (the oldest documented holders were born in the 1880s). */
const EARLIEST_BIRTH_YEAR = 1800;
/** Birth dates are civil dates in China Standard Time (UTC+8). */
const CST_OFFSET_MS = 8 * 3_600_000;

/** ISO 7064 MOD 11-2 check character of a 17-digit body (GB 11643-1999). */
export function ridCheckCharacter(body: string): string {
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] ?? '';
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const cstDay = (at: Instant): string => new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10);

function birthDateError(date: string, at: Instant | undefined): string | undefined {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(4, 6));
  const d = Number(date.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return `birth date ${date} is not a date`;
  if (y < EARLIEST_BIRTH_YEAR) return `birth date ${date} is before ${EARLIEST_BIRTH_YEAR}`;
  if (at !== undefined && Date.UTC(y, m - 1, d) - CST_OFFSET_MS > at) {
    return `birth date ${date} is after the reference date ${cstDay(at)}`;
  }
  return undefined;
}

/** Validates a resident identity number: shape, division, birth date, check character. */
export function parseRid(raw: string, opts: ParseOptions = {}): ParseResult {
  const shape = normalizeShape(raw, 18, (position) => (position === 18 ? `${DIGITS}X` : DIGITS));
  if (!shape.ok) return invalid(shape.error);
  const id = shape.identifier;
  const region = id.slice(0, 6);
  if (!isKnownDivision(region)) return invalid(`region ${region} is not a known administrative division`);
  const dateError = birthDateError(id.slice(6, 14), opts.at);
  if (dateError !== undefined) return invalid(dateError);
  const check = ridCheckCharacter(id.slice(0, 17));
  if (id[17] !== check) return invalid(`check character should be ${check}, found ${id[17] ?? ''}`);
  return accept('cn-rid', id, 'person', region);
}

export interface GenerateRidOptions {
  /** Inclusive; default 1940. */
  readonly birthYearMin?: number;
  /** Inclusive; default 2005. */
  readonly birthYearMax?: number;
  /** A known 6-digit division; default a random county in force today. */
  readonly region?: string;
}

/** A valid resident identity number with a real division, a real date and a random sequence. */
export function generateRid(rng: Rng, opts: GenerateRidOptions = {}): string {
  const { birthYearMin = 1940, birthYearMax = 2005 } = opts;
  if (birthYearMin < EARLIEST_BIRTH_YEAR || birthYearMax > 9999) {
    throw new RangeError(`birth years must lie in ${EARLIEST_BIRTH_YEAR}..9999`);
  }
  const region = opts.region ?? pick(rng, knownCountyCodes());
  if (!isKnownDivision(region)) throw new RangeError(`region ${region} is not a known administrative division`);
  const y = randomInt(rng, birthYearMin, birthYearMax);
  const m = randomInt(rng, 1, 12);
  const d = randomInt(rng, 1, daysIn(y, m));
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const body = `${region}${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}${pad(randomInt(rng, 1, 999), 3)}`;
  return body + ridCheckCharacter(body);
}

export const cnRid: IdentifierScheme = {
  id: 'cn-rid',
  title: 'Resident identity number (GB 11643-1999)',
  subjectKinds: ['person'],
  example: '11010519491231002X',
  parse: parseRid,
  generate(rng, opts = {}) {
    if (opts.kind !== undefined && opts.kind !== 'person') throw new RangeError(`cn-rid identifies persons, not ${opts.kind}`);
    return generateRid(rng, opts.region === undefined ? {} : { region: opts.region });
  },
};
