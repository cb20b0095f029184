import { requireText } from './require-text.js';

/** A subject's statement on a record is short: what a relying party can read at the counter. */
export const MAX_STATEMENT = 500;

export const statementText = (text: unknown): string => requireText('statement', text, MAX_STATEMENT);
