import { Type, type Static } from '@sinclair/typebox';
import { closed, IsoTime, Nullable, SubjectView } from './common.js';
import { GradeSchema, ListMembershipView } from './standing.js';

export const PublicRecordView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  title: Type.String(),
  domain: Type.String(),
  occurredAt: IsoTime,
  status: Type.String(),
  fulfilledAt: Type.Optional(IsoTime),
  legalBasis: Type.String(),
  furnisher: Type.String({ description: 'Name of the body that furnished the record' }),
  points: Type.Integer(),
  until: Nullable(IsoTime),
}, closed);

export const OrganizationProfile = Type.Object({
  subject: SubjectView,
  asOf: IsoTime,
  rulebookVersion: Type.String(),
  grade: GradeSchema,
  points: Type.Integer(),
  lists: Type.Array(ListMembershipView),
  records: Type.Array(PublicRecordView, { description: 'Judicial, administrative, regulatory and tax records that count now' }),
}, closed);
export type OrganizationProfile = Static<typeof OrganizationProfile>;

export const UsccParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, description: 'Unified social credit code' }) }, closed);
export type UsccParams = Static<typeof UsccParams>;
