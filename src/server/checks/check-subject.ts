import { decisionId, type DecisionId, type Instant } from '../../core/brand.js';
import { decide } from '../../core/decision/decide.js';
import type { CheckContext, Decision } from '../../core/decision/model.js';
import { CredenceError } from '../../core/errors.js';
import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import { parseSubjectIdentifierOrThrow } from '../../core/identifiers/index.js';
import type { ClientRow } from '../../store/rows.js';
import type { InquiryRow } from '../../store/service-store.js';
import type { InquiryQueue } from '../inquiries/inquiry-queue.js';
import { timeOrderedId } from '../inquiries/time-ordered-id.js';
import type { StandingReader } from './standing-reader.js';

export interface CheckInput {
  readonly subject: { readonly scheme: string; readonly identifier: string };
  readonly action: string;
  readonly purpose: string;
  readonly context?: CheckContext;
}

export interface CheckResult {
  readonly decisionId: DecisionId;
  readonly at: Instant;
  readonly subject: ParsedIdentifier;
  readonly purpose: string;
  readonly decision: Decision;
}

/**
 * The check at the counter: scope, the subject's current standing, the decision, and the inquiry
 * committed before the result is returned. Nothing is recorded for a check that fails.
 */
export async function checkSubject(
  deps: { readonly standings: StandingReader; readonly inquiries: InquiryQueue; readonly clock: () => Instant },
  caller: { readonly client: ClientRow; readonly keyId: string }, input: CheckInput,
): Promise<CheckResult> {
  const { client } = caller;
  const at = deps.clock();
  const subject = parseSubjectIdentifierOrThrow(input.subject.scheme, input.subject.identifier, { at });
  const { standing, rulebook } = await deps.standings.current(subject, at);
  if (!rulebook.actions.has(input.action)) {
    throw new CredenceError('unknown_action', `unknown action "${input.action}"; rulebook ${rulebook.version} knows ${[...rulebook.actions.keys()].join(', ')}`);
  }
  if (!(client.scope.actions ?? []).includes(input.action)) {
    throw new CredenceError('out_of_scope', `client ${client.id} may not ask about action ${input.action}`);
  }
  if (!(client.scope.purposes ?? []).includes(input.purpose)) {
    throw new CredenceError('out_of_scope', `client ${client.id} may not ask for purpose "${input.purpose}"; its purposes are ${(client.scope.purposes ?? []).join(', ') || 'none'}`);
  }
  const context = input.context ?? {};
  const decision = decide(standing, rulebook, input.action, context);
  const id = decisionId(timeOrderedId('dec_', at));
  const row: InquiryRow = {
    id, subjectId: subject.subjectId, clientId: client.id, keyId: caller.keyId, at, action: input.action, purpose: input.purpose, context,
    outcome: decision.outcome, benefits: decision.benefits, reasons: decision.reasons, rulebookVersion: decision.rulebookVersion,
  };
  await deps.inquiries.record(row);
  return { decisionId: id, at, subject, purpose: input.purpose, decision };
}
