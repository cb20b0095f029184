import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

interface ValidationIssue {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly message: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

/**
 * Request validation with TypeBox's compiler. Bodies are checked exactly as sent — no coercion, so
 * 120000 stays a number and "120000" stays a string; query strings and path parameters (always text on
 * the wire) are converted to the schema's types first and get their defaults.
 */
export const typeboxValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const convert = httpPart === 'querystring' || httpPart === 'params';
  const validate = Object.assign((data: unknown) => {
    const value = convert ? Value.Default(schema, Value.Convert(schema, data)) : data;
    if (check.Check(value)) return convert ? { value } : true;
    const issues: ValidationIssue[] = [];
    for (const e of check.Errors(value)) {
      issues.push({ instancePath: e.path, schemaPath: '', message: e.message, keyword: 'typebox', params: {} });
      if (issues.length >= 20) break;
    }
    validate.errors = issues;
    return false;
  }, { errors: [] as ValidationIssue[] });
  return validate;
};
