import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { AttributeSpec } from './model.js';
import { CATALOGUE } from './catalogue.js';
import { compileAttributesValidator } from './attribute-validator.js';
import { exampleAttributes } from './examples.js';

/** Values a spec accepts. Patterned strings (case and decision numbers) reuse the type's example. */
function validValue(spec: AttributeSpec, example: unknown): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string':
      return spec.pattern !== undefined
        ? fc.constant(example)
        : fc.string({ minLength: 1, maxLength: spec.maxLength }).filter((s) => /\S/.test(s));
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'integer':
      return fc.integer({ min: spec.min, max: Math.min(spec.max, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
  }
}

/** Values a spec rejects: wrong type, out of range, too long, blank, not in the enum. */
function invalidValue(spec: AttributeSpec): fc.Arbitrary<unknown> {
  const wrongType = fc.constantFrom<unknown>(null, [], {}, '12', true);
  switch (spec.type) {
    case 'string':
      return fc.oneof(fc.constantFrom<unknown>(7, false, null, '', ' \t'), fc.constant('a'.repeat(spec.maxLength + 1)));
    case 'enum':
      return fc.oneof(wrongType, fc.string().filter((s) => !spec.values.includes(s)));
    case 'integer':
      return fc.oneof(
        wrongType,
        fc.constant(spec.min - 1),
        fc.constant(spec.max + 1),
        fc.constant(spec.min + 0.5),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
      );
    case 'number':
      return fc.oneof(wrongType, fc.double({ max: spec.min, noNaN: true }).filter((v) => v < spec.min), fc.constant(Number.NaN));
    case 'boolean':
      return fc.constantFrom<unknown>(null, [], {}, 0, 1, 'true');
  }
}

describe('compiled attribute validators', () => {
  for (const type of CATALOGUE) {
    const validate = compileAttributesValidator(type);
    const example = exampleAttributes(type.code);
    const entries = Object.entries(type.attributes);
    const record = fc.record(
      Object.fromEntries(entries.map(([name, spec]) => [name, validValue(spec, example[name])])),
      { requiredKeys: entries.filter(([, s]) => s.required).map(([n]) => n) },
    );

    it(`${type.code}: accepts any attributes within the schema`, () => {
      fc.assert(fc.property(record, (attrs) => validate(attrs) === undefined), { numRuns: 60 });
    });

    it(`${type.code}: rejects one bad value, naming its attribute`, () => {
      const oneBad = fc.constantFrom(...entries).chain(([name, spec]) =>
        fc.tuple(fc.constant(name), invalidValue(spec)),
      );
      fc.assert(
        fc.property(oneBad, ([name, bad]) => {
          const message = validate({ ...example, [name]: bad });
          return message !== undefined && message.startsWith(`attribute "${name}" must be `);
        }),
        { numRuns: 40 },
      );
    });
  }
});
