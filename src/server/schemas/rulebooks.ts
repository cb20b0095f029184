import { Type, type Static } from '@sinclair/typebox';
import { RulebookDocument } from '../../core/rulebook/schema.js';
import { closed, IsoTime, Nullable } from './common.js';

const Status = Type.Union([Type.Literal('draft'), Type.Literal('staging'), Type.Literal('published'), Type.Literal('retired')]);

export const RulebookSummary = Type.Object({
  version: Type.String(),
  title: Type.String(),
  status: Status,
  sha256: Type.String({ description: 'SHA-256 of the YAML text, hex' }),
  createdAt: IsoTime,
  publishedAt: Nullable(IsoTime),
}, closed);

export const RulebookView = Type.Object({
  version: Type.String(),
  title: Type.String(),
  status: Status,
  sha256: Type.String({ description: 'SHA-256 of the YAML text, hex' }),
  createdAt: IsoTime,
  publishedAt: Nullable(IsoTime),
  yaml: Type.String({ description: 'The rulebook exactly as published' }),
  document: Type.Object(RulebookDocument.properties, { ...closed, description: 'The same rulebook as JSON: every rule, list, action and measure with its source' }),
}, closed);
export type RulebookView = Static<typeof RulebookView>;

export const VersionParams = Type.Object({ version: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$' }) }, closed);
export type VersionParams = Static<typeof VersionParams>;

export const ReviewView = Type.Object({ step: Type.Union([Type.Literal('drafted'), Type.Literal('approved')]), by: Type.String(), at: IsoTime }, closed);

export const DraftView = Type.Object({
  version: Type.String(),
  title: Type.String(),
  status: Status,
  sha256: Type.String(),
  createdAt: IsoTime,
  reviews: Type.Array(ReviewView),
  approved: Type.Boolean({ description: 'Approved by an operator other than its author: it may be published' }),
}, closed);

const GradeChange = Type.Object({ from: Type.String(), to: Type.String(), subjects: Type.Integer() }, closed);
const ListChange = Type.Object({
  listId: Type.String(),
  before: Type.Integer({ description: 'Subjects on the list under the rulebook in force' }),
  after: Type.Integer({ description: 'Subjects on the list under the draft' }),
  entering: Type.Integer(),
  leaving: Type.Integer(),
}, closed);

export const PreviewView = Type.Object({
  version: Type.String(),
  against: Type.String({ description: 'The rulebook in force it was compared with' }),
  at: IsoTime,
  subjects: Type.Integer({ description: 'Subjects rated' }),
  gradeChanged: Type.Integer({ description: 'Subjects whose grade differs' }),
  pointsChanged: Type.Integer({ description: 'Subjects whose points differ' }),
  gradeChanges: Type.Array(GradeChange, { description: 'How many subjects move from each grade to each other grade' }),
  lists: Type.Array(ListChange),
}, closed);

export const PublicationView = Type.Object({
  version: Type.String(),
  sha256: Type.String(),
  subjects: Type.Integer({ description: 'Subjects re-rated' }),
  alreadyCurrent: Type.Boolean(),
}, closed);
