import { DIVISIONS } from './regions-data.js';

/** Prefecture-level entries that are groupings, not places: left out of full names. */
const GROUPINGS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

interface RegionIndex {
  readonly names: ReadonlyMap<string, string>;
  readonly counties: readonly string[];
}

let index: RegionIndex | undefined;

function regions(): RegionIndex {
  if (index !== undefined) return index;
  const names = new Map<string, string>();
  const counties: string[] = [];
  for (const line of DIVISIONS) {
    const parts = line.split(' ');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const code = parts[i] ?? '';
      names.set(code, parts[i + 1] ?? '');
      if (code.length === 6) counties.push(code);
    }
  }
  index = { names, counties };
  return index;
}

/**
 * Whether a 6-digit code can name a division. Many identifiers carry codes of divisions renamed or
 * abolished since they were issued, so only the province (first two digits) must be known.
 */
export function isKnownDivision(code: string): boolean {
  return /^\d{6}$/.test(code) && regions().names.has(code.slice(0, 2));
}

const fullNames = new Map<string, string | undefined>();

/** Full name down to the most specific known level (county, else prefecture, else province). */
export function regionName(code: string): string | undefined {
  // Remembered per code (a few thousand divisions in use), as it is asked for once per furnished record.
  if (fullNames.has(code)) return fullNames.get(code);
  const name = fullName(code);
  if (fullNames.size < 50_000) fullNames.set(code, name);
  return name;
}

function fullName(code: string): string | undefined {
  if (!isKnownDivision(code)) return undefined;
  const { names } = regions();
  const province = names.get(code.slice(0, 2)) ?? '';
  const prefecture = names.get(code.slice(0, 4));
  const county = names.get(code);
  const parts = [province, prefecture !== undefined && !GROUPINGS.has(prefecture) ? prefecture : '', county ?? ''];
  // Prefecture-level cities without districts list themselves as their only county (东莞市 441900).
  return parts.filter((part, i) => part !== parts[i - 1]).join('');
}

/** Codes of the county-level divisions in force today, in code order. */
export function knownCountyCodes(): readonly string[] {
  return regions().counties;
}
