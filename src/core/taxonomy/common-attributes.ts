import { text } from './attribute-builders.js';

/**
 * Court case numbers, e.g. `(2024)京0105执1234号` or the older `(2019)京0105执字第1234号`:
 * a year in half- or full-width parentheses, then 2–40 Han characters, digits or letters, then 号.
 */
export const CASE_NUMBER_PATTERN = /^[(（]\d{4}[)）][\p{Script=Han}0-9A-Za-z-]{2,40}号$/u;

/**
 * Administrative decision numbers, e.g. `京环罚〔2024〕12号` or `沪市监罚字[2023]第45号`:
 * 4–64 Han characters, digits, letters, hyphens and the usual brackets.
 */
export const DECISION_NUMBER_PATTERN = /^[\p{Script=Han}0-9A-Za-z\-〔〕\[\]()（）【】]{4,64}$/u;

export const caseNumber = text('required', 64, 'Court case number, e.g. (2024)京0105执1234号', CASE_NUMBER_PATTERN);
export const court = text('required', 100, 'Name of the court that decided or enforces the case');
export const obligation = text('required', 500, 'What the effective judgment requires the subject to do');
export const penaltyDecision = text(
  'required',
  64,
  'Number of the administrative decision the record rests on, e.g. 京环罚〔2024〕12号',
  DECISION_NUMBER_PATTERN,
);

export const SEVERITIES = ['minor', 'serious', 'major'] as const;
