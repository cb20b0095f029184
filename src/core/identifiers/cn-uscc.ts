import { pick, randomInt, type Rng } from '../random.js';
import type { SubjectKind } from '../subject.js';
import { accept, invalid, normalizeShape } from './parse-steps.js';
import { isKnownDivision, knownCountyCodes } from './regions.js';
import type { IdentifierScheme, ParseResult } from './scheme.js';

/** GB 32100-2015 alphabet: the value of a character is its index (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';
/** 3^(i-1) mod 31 for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authority (position 1) → the organization types (position 2) it registers; '' = not fixed. */
const AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '1239', // establishment authority: state organs, public institutions, mass organizations, other
  '2': '19', // foreign affairs
  '3': '123459', // justice: law firms, notaries, legal services, forensics, arbitration, other
  '4': '19', // culture
  '5': '1239', // civil affairs: social organizations, private non-enterprise units, foundations, other
  '6': '129', // tourism
  '7': '129', // religious affairs
  '8': '19', // trade unions
  '9': '123', // market regulation: enterprises, individual businesses, farmers' cooperatives
  A: '19', // military establishment office
  N: '1239', // agriculture: rural collective economic organizations
  Y: '', // other
};

/** GB 32100-2015 check character of a 17-character body (mod 31). */
export function usccCheckCharacter(body: string): string {
  const sum = [...body].reduce((s, c, i) => s + ALPHABET.indexOf(c) * (WEIGHTS[i] ?? 0), 0);
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

/** GB 11714 check character of the 8-character organization code body (digits, then A=10..Z=35). */
export function organizationCodeCheckCharacter(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + parseInt(c, 36) * (weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Bodies registered by the establishment authority are organs of state and public institutions. */
const kindOf = (authority: string): SubjectKind => (authority === '1' ? 'public_body' : 'organization');

/** Validates a unified social credit code: shape, authority and type, division, check character. */
export function parseUscc(raw: string): ParseResult {
  const shape = normalizeShape(raw, 18, (position) => (position >= 3 && position <= 8 ? DIGITS : ALPHABET));
  if (!shape.ok) return invalid(shape.error);
  const id = shape.identifier;
  const authority = id.slice(0, 1);
  const type = id.slice(1, 2);
  const types = AUTHORITIES[authority];
  if (types === undefined) return invalid(`registration authority code ${authority} is not known`);
  if (types !== '' && !types.includes(type)) {
    return invalid(`organization type ${type} is not used by registration authority ${authority}`);
  }
  const region = id.slice(2, 8);
  if (!isKnownDivision(region)) return invalid(`region ${region} is not a known administrative division`);
  const check = usccCheckCharacter(id.slice(0, 17));
  if (id[17] !== check) return invalid(`check character should be ${check}, found ${id[17] ?? ''}`);
  return accept('cn-uscc', id, kindOf(authority), region);
}

export interface GenerateUsccOptions {
  /** Registered by the establishment authority (kind `public_body`); default false. */
  readonly publicBody?: boolean;
  /** A known 6-digit division; default a random county in force today. */
  readonly region?: string;
}

/** A valid code with a real division and an organization code that passes its own GB 11714 check. */
export function generateUscc(rng: Rng, opts: GenerateUsccOptions = {}): string {
  const region = opts.region ?? pick(rng, knownCountyCodes());
  if (!isKnownDivision(region)) throw new RangeError(`region ${region} is not a known administrative division`);
  // Mostly enterprises, some individual businesses, cooperatives and civil-affairs bodies.
  const kind = opts.publicBody === true ? pick(rng, ['11', '12', '12', '13']) : pick(rng, ['91', '91', '91', '92', '93', '51', '52']);
  const orgBody = Array.from({ length: 8 }, () => ALPHABET[randomInt(rng, 0, ALPHABET.length - 1)] ?? '0').join('');
  const body = `${kind}${region}${orgBody}${organizationCodeCheckCharacter(orgBody)}`;
  return body + usccCheckCharacter(body);
}

export const cnUscc: IdentifierScheme = {
  id: 'cn-uscc',
  title: 'Unified social credit code (GB 32100-2015)',
  subjectKinds: ['organization', 'public_body'],
  example: '91350100M000100Y43',
  parse: parseUscc,
  generate(rng, opts = {}) {
    if (opts.kind === 'person') throw new RangeError('cn-uscc identifies organizations and public bodies, not persons');
    return generateUscc(rng, {
      publicBody: opts.kind === 'public_body',
      ...(opts.region === undefined ? {} : { region: opts.region }),
    });
  },
};
