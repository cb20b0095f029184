export * from './model.js';
export { CATALOGUE } from './catalogue.js';
export { getRecordType, recordTypes, validateRecordInput, type RecordInput, type RecordValidation } from './taxonomy.js';
export { compileAttributesValidator, describeSpec, type AttributesValidator } from './attribute-validator.js';
export { REFUSED_DOMAIN_TERMS, refusedTermsIn, refusedTermsInText } from './refused-domain-terms.js';
export { CASE_NUMBER_PATTERN, DECISION_NUMBER_PATTERN } from './common-attributes.js';
export { NEGATIVE_RETENTION, POSITIVE_RETENTION } from './retention.js';
export { EXAMPLE_ATTRIBUTES, exampleAttributes } from './examples.js';
