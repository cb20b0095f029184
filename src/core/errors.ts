/**
 * The one error catalog. Every error the registry reports has a stable snake_case code and an HTTP
 * status; the API answers application/problem+json carrying the code. docs/errors.md lists the same
 * codes (a test keeps the two equal). Add a code here and there together.
 */
export const ERROR_CATALOG = {
  invalid_identifier: { status: 400, title: 'The identifier is not valid' },
  unknown_identifier_scheme: { status: 400, title: 'The identifier scheme is not known' },
  unknown_record_type: { status: 400, title: 'The record type is not in the taxonomy' },
  invalid_attributes: { status: 400, title: 'The record attributes do not match the record type' },
  subject_kind_not_allowed: { status: 400, title: 'The record type does not apply to this kind of subject' },
  invalid_rulebook: { status: 400, title: 'The rulebook is not valid' },
  unknown_action: { status: 400, title: 'The action is not in the rulebook' },
  invalid_context: { status: 400, title: 'The check context does not match the action' },
  invalid_request: { status: 400, title: 'The request is not valid' },
  out_of_scope: { status: 403, title: 'The client is not allowed to do this' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed for this role' },
  not_found: { status: 404, title: 'Not found' },
  version_conflict: { status: 409, title: 'The subject changed since the expected version' },
  idempotency_conflict: { status: 409, title: 'A different record was already furnished under this furnisher id' },
  record_not_active: { status: 409, title: 'The record is not in a state that allows this' },
  not_record_furnisher: { status: 403, title: 'Only the furnisher that submitted the record may change it' },
  payload_too_large: { status: 413, title: 'The request body or batch is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be JSON (or YAML where a route says so)' },
  dispute_open: { status: 409, title: 'The record already has an open dispute' },
  step_not_allowed: { status: 409, title: 'The dispute or application is not at a step that allows this' },
  deadline_passed: { status: 409, title: 'The time allowed for this step has passed' },
  restoration_not_available: { status: 409, title: 'Early restoration is not available for this listing' },
  reinsertion_not_certified: { status: 409, title: 'A record removed after a dispute is furnished again only with the furnisher\'s certification' },
  approval_required: { status: 409, title: 'A second operator must approve the rulebook draft first' },
  second_operator_required: { status: 403, title: 'The author of a rulebook draft cannot approve it' },
  limit_reached: { status: 409, title: 'A per-client limit is reached' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'The service is not ready or is shutting down' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** The single error type of the registry. `detail` says precisely what to fix. */
export class CredenceError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, detail: string, details?: Readonly<Record<string, unknown>>) {
    super(detail);
    this.name = 'CredenceError';
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.details = details;
  }
}

export const isCredenceError = (e: unknown): e is CredenceError => e instanceof CredenceError;
