import type { AttributeSpec, RecordType } from './model.js';
import { MAX_AMOUNT } from './attribute-builders.js';

/** Returns undefined when the attributes fit the type's closed schema, else the first problem in plain words. */
export type AttributesValidator = (attributes: Readonly<Record<string, unknown>>) => string | undefined;

/** Returns true when one present value fits its spec. */
type ValueCheck = (value: unknown) => boolean;

interface CompiledAttribute {
  readonly name: string;
  readonly required: boolean;
  readonly check: ValueCheck;
  readonly spec: AttributeSpec;
}

const NON_BLANK = /\S/;

function compileCheck(spec: AttributeSpec): ValueCheck {
  switch (spec.type) {
    case 'string': {
      const { maxLength, pattern } = spec;
      return (v) =>
        typeof v === 'string' && v.length <= maxLength && NON_BLANK.test(v) && (pattern === undefined || pattern.test(v));
    }
    case 'enum': {
      const values = new Set(spec.values);
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'integer': {
      const { min, max } = spec;
      return (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    }
    case 'number': {
      const { min, max } = spec;
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
  }
}

/** What a value must be, e.g. `a number >= 0`, `an integer from 1 to 3650`, `one of rail, metro`. */
export function describeSpec(spec: AttributeSpec): string {
  switch (spec.type) {
    case 'string':
      return spec.pattern === undefined
        ? `a non-blank string of at most ${spec.maxLength} characters`
        : `a string of at most ${spec.maxLength} characters matching ${String(spec.pattern)}`;
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'integer':
    case 'number': {
      const noun = spec.type === 'integer' ? 'an integer' : 'a number';
      return spec.max >= MAX_AMOUNT ? `${noun} >= ${spec.min}` : `${noun} from ${spec.min} to ${spec.max}`;
    }
    case 'boolean':
      return 'true or false';
  }
}

/** A short, safe rendering of an offending value for an error message. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Compiles a type's attribute schema once into a closure for the ingest hot path: a valid input costs
 * no allocation. Unknown attributes are reported before anything else (they may be attempts to record
 * a refused domain, which the caller counts).
 */
export function compileAttributesValidator(type: RecordType): AttributesValidator {
  const compiled: CompiledAttribute[] = Object.entries(type.attributes).map(([name, spec]) => ({
    name,
    required: spec.required,
    check: compileCheck(spec),
    spec,
  }));
  const known = new Set(compiled.map((a) => a.name));
  return (attributes) => {
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      return `attributes must be an object, got ${showValue(attributes)}`;
    }
    for (const key in attributes) {
      if (Object.hasOwn(attributes, key) && !known.has(key)) {
        return `attribute ${showValue(key)} is not allowed for ${type.code}`;
      }
    }
    for (const a of compiled) {
      const value = Object.hasOwn(attributes, a.name) ? attributes[a.name] : undefined;
      if (value === undefined) {
        if (a.required) return `attribute "${a.name}" is required`;
      } else if (!a.check(value)) {
        return `attribute "${a.name}" must be ${describeSpec(a.spec)}, got ${showValue(value)}`;
      }
    }
    return undefined;
  };
}
