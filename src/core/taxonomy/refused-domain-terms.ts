import type { RecordType } from './model.js';

/**
 * Words that name the refused domains of DESIGN.md §3. No code, title, description, attribute name,
 * attribute description or enum value of the taxonomy may contain one. Latin terms match whole words
 * (plural -s/-es included) after splitting camelCase, snake_case and dotted codes; Han terms match anywhere.
 */
export const REFUSED_DOMAIN_TERMS: readonly string[] = [
  // political opinion and speech
  'political', 'politics', 'opinion', 'speech', 'protest', 'petition', 'petitioning', 'dissent', 'dissident',
  'ideology', 'ideological', 'censorship', 'rumor', 'rumour', 'vote', 'voting', 'election',
  // religion
  'religion', 'religious', 'faith', 'worship', 'church', 'mosque', 'temple', 'prayer', 'belief', 'buddhist',
  'christian', 'islam', 'islamic', 'muslim',
  // ethnicity
  'ethnic', 'ethnicity', 'race', 'racial', 'nationality', 'minority', 'minorities', 'uyghur', 'tibetan',
  // health
  'health', 'medical', 'medicine', 'medication', 'disease', 'illness', 'diagnosis', 'hospital', 'mental',
  'disability', 'disabled', 'hiv', 'vaccine', 'vaccination', 'addiction',
  // reproduction and sexual life
  'pregnancy', 'pregnant', 'reproduction', 'reproductive', 'birth', 'abortion', 'contraception', 'fertility',
  'family planning', 'sex', 'sexual', 'sexuality', 'lgbt', 'gay', 'lesbian', 'homosexual', 'prostitution',
  // union or association membership
  'union', 'association', 'membership',
  // lawful purchases and consumption
  'purchase', 'shopping', 'spending', 'buying', 'video game', 'gaming',
  // reading and media
  'reading', 'media', 'news', 'newspaper', 'browsing', 'browser', 'subscription',
  // location traces
  'location', 'gps', 'geolocation', 'whereabouts', 'trajectory', 'latitude', 'longitude', 'travel history', 'movements',
  // biometrics
  'biometric', 'biometrics', 'face', 'facial', 'fingerprint', 'iris', 'retina', 'voiceprint', 'gait', 'dna', 'genetic',
  // pinyin
  'zhengzhi', 'yanlun', 'shangfang', 'xinfang', 'zongjiao', 'xinyang', 'minzu', 'jiankang', 'yiliao', 'huaiyun',
  'shengyu', 'gonghui', 'renlian', 'zhiwen', 'dingwei',
  // Chinese
  '政治', '言论', '上访', '信访', '宗教', '信仰', '民族', '种族', '健康', '医疗', '疾病', '怀孕', '生育', '性生活',
  '性取向', '工会', '社团', '协会', '购买', '购物', '阅读', '媒体', '位置', '定位', '行踪', '轨迹', '生物识别', '人脸',
  '指纹', '虹膜', '基因',
];

const HAN = /\p{Script=Han}/u;
const hanTerms = REFUSED_DOMAIN_TERMS.filter((t) => HAN.test(t));
const wordTerms = REFUSED_DOMAIN_TERMS.filter((t) => !HAN.test(t));

/** `religiousBelief` / `religious_belief` / `court.religious` → ` religious belief ` (padded for whole-word search). */
function words(text: string): string {
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return ` ${spaced.trim()} `;
}

/** The refused terms found in one piece of text. */
export function refusedTermsInText(text: string): readonly string[] {
  const padded = words(text);
  const found = wordTerms.filter((t) => [' ', 's ', 'es '].some((end) => padded.includes(` ${t}${end}`)));
  return [...found, ...hanTerms.filter((t) => text.includes(t))];
}

/** Every place in a record type that names a refused domain, e.g. `attribute name "religion": religion`. */
export function refusedTermsIn(type: RecordType): readonly string[] {
  const places: [string, string][] = [
    ['code', type.code],
    ['domain', type.domain],
    ['title', type.title],
    ['description', type.description],
  ];
  for (const [name, spec] of Object.entries(type.attributes)) {
    places.push([`attribute name "${name}"`, name], [`attribute "${name}" description`, spec.description]);
    if (spec.type === 'enum') for (const v of spec.values) places.push([`attribute "${name}" value "${v}"`, v]);
  }
  return places.flatMap(([where, text]) => refusedTermsInText(text).map((term) => `${where}: ${term}`));
}
