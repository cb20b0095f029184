// The API's wire types, taken from the server's TypeBox schemas (types only: nothing of the server is bundled).
import type { Static, TSchema } from '@sinclair/typebox';
import type { View } from '../../../src/server/schemas/common.js';
import type * as Clients from '../../../src/server/schemas/clients.js';
import type * as Organizations from '../../../src/server/schemas/organizations.js';
import type * as Oversight from '../../../src/server/schemas/oversight.js';
import type * as Problems from '../../../src/server/schemas/problem.js';
import type * as Rulebooks from '../../../src/server/schemas/rulebooks.js';
import type * as Subject from '../../../src/server/schemas/subject.js';

type Wire<T extends TSchema> = View<T>;

export type Problem = Static<typeof Problems.Problem>;
export type RulebookView = Wire<typeof Rulebooks.RulebookView>;
export type RulebookDocument = RulebookView['document'];
export type RulebookSummary = Wire<typeof Rulebooks.RulebookSummary>;
export type DraftView = Wire<typeof Rulebooks.DraftView> & { readonly yaml?: string };
export type PreviewView = Wire<typeof Rulebooks.PreviewView>;
export type PublicationView = Wire<typeof Rulebooks.PublicationView>;
export type OrganizationProfile = Wire<typeof Organizations.OrganizationProfile>;
export type SessionView = Wire<typeof Subject.SessionView>;
export type LoginBody = Static<typeof Subject.LoginBody>;
export type SubjectFileView = Wire<typeof Subject.SubjectFileView>;
export type FileRecordView = Wire<typeof Subject.FileRecordView>;
export type InquiryView = Wire<typeof Subject.InquiryView>;
export type HistoryView = Wire<typeof Subject.HistoryView>;
export type HistoryPoint = Wire<typeof Subject.HistoryPoint>;
export type ClientView = Wire<typeof Clients.ClientView>;
export type CreateClientBody = Static<typeof Clients.CreateClientBody>;
export type CreatedClientView = Wire<typeof Clients.CreatedClientView>;
export type NewKeyView = Wire<typeof Clients.NewKeyView>;
export type OversightView = Wire<typeof Oversight.OversightView>;
export type Items<T> = { readonly items: readonly T[] };
