import type { SubjectId } from './brand.js';

export const SUBJECT_KINDS = ['person', 'organization', 'public_body'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A subject as the registry knows it: identity only. Standing is computed, never stored here. */
export interface Subject {
  readonly id: SubjectId;
  readonly kind: SubjectKind;
  readonly scheme: string;
  readonly identifier: string;
  /** 6-digit administrative division code. */
  readonly region: string;
}
