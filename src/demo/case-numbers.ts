import type { Rng } from '../core/random.js';
import { randomInt } from '../core/random.js';
import { regionName } from '../core/identifiers/index.js';

/** One-character province abbreviations that court case and penalty decision numbers start with, by GB/T 2260 code. */
const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏',
  '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂',
  '46': '琼', '50': '渝', '51': '川', '52': '贵', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

const abbreviation = (region: string): string => PROVINCE_ABBREVIATIONS[region.slice(0, 2)] ?? '京';

/** Case kinds in case numbers: 执 enforcement, 民初 civil first instance, 行初 administrative first instance. */
export type CaseKind = '执' | '民初' | '行初';

/** A case number of the court of `region`, e.g. `(2024)京0105执1234号`. */
export function caseNumber(rng: Rng, region: string, year: number, kind: CaseKind): string {
  return `(${year})${abbreviation(region)}${region.slice(2, 6)}${kind}${randomInt(rng, 1, 29_999)}号`;
}

/** The basic people's court of the subject's county, e.g. `北京市朝阳区人民法院`. */
export function courtName(region: string): string {
  return `${regionName(region) ?? '北京市朝阳区'}人民法院`;
}

/** An administrative penalty decision number, e.g. `京市监罚〔2024〕301号`. */
export function penaltyDecisionNumber(rng: Rng, region: string, year: number, office: string): string {
  return `${abbreviation(region)}${office}罚〔${year}〕${randomInt(rng, 1, 9_999)}号`;
}
