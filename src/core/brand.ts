/** Nominal typing for ids: a `SubjectId` cannot be passed where a `RecordId` is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** `scheme:identifier`, e.g. `cn-rid:11010519491231002X`. Stable, and the partition key everywhere. */
export type SubjectId = Brand<string, 'SubjectId'>;
/** Registry-assigned id of one furnished record, e.g. `rec_…`. */
export type RecordId = Brand<string, 'RecordId'>;
/** Id of a client of the registry (furnisher, relying party, auditor, operator). */
export type ClientId = Brand<string, 'ClientId'>;
/** Id of one decision returned to a relying party. */
export type DecisionId = Brand<string, 'DecisionId'>;
/** Milliseconds since the Unix epoch, UTC. The core never reads the clock: time is passed in. */
export type Instant = number;

export const subjectId = (s: string): SubjectId => s as SubjectId;
export const recordId = (s: string): RecordId => s as RecordId;
export const clientId = (s: string): ClientId => s as ClientId;
export const decisionId = (s: string): DecisionId => s as DecisionId;
