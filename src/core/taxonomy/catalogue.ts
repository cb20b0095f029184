import type { RecordType } from './model.js';
import { JUDICIAL_TYPES } from './judicial-types.js';
import { FINANCE_TYPES } from './finance-types.js';
import { TAX_TYPES } from './tax-types.js';
import { TRANSPORT_TYPES } from './transport-types.js';
import { ADMINISTRATIVE_TYPES } from './administrative-types.js';
import { REGULATORY_TYPES } from './regulatory-types.js';
import { CIVIC_TYPES } from './civic-types.js';

/** The closed taxonomy: every kind of fact Credence will hold, and no other. */
export const CATALOGUE: readonly RecordType[] = [
  ...JUDICIAL_TYPES,
  ...FINANCE_TYPES,
  ...TAX_TYPES,
  ...TRANSPORT_TYPES,
  ...ADMINISTRATIVE_TYPES,
  ...REGULATORY_TYPES,
  ...CIVIC_TYPES,
];
