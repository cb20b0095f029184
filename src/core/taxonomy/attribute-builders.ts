import type { AttributeSpec } from './model.js';

/**
 * Short constructors for attribute specs, so the catalogue reads as a table. Every spec is bounded:
 * strings by length (and optionally a pattern), numbers by a range, enums by their values.
 */

/** The largest amount the registry accepts: the largest integer a double holds exactly. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

type Presence = 'required' | 'optional';

export const text = (presence: Presence, maxLength: number, description: string, pattern?: RegExp): AttributeSpec =>
  pattern === undefined
    ? { type: 'string', required: presence === 'required', maxLength, description }
    : { type: 'string', required: presence === 'required', maxLength, pattern, description };

export const oneOf = (presence: Presence, values: readonly string[], description: string): AttributeSpec => ({
  type: 'enum',
  required: presence === 'required',
  values,
  description,
});

export const integer = (presence: Presence, min: number, max: number, description: string): AttributeSpec => ({
  type: 'integer',
  required: presence === 'required',
  min,
  max,
  description,
});

/** An amount of money in yuan (fractions allowed), never negative. */
export const amount = (presence: Presence, description: string): AttributeSpec => ({
  type: 'number',
  required: presence === 'required',
  min: 0,
  max: MAX_AMOUNT,
  description,
});

export const flag = (presence: Presence, description: string): AttributeSpec => ({
  type: 'boolean',
  required: presence === 'required',
  description,
});
