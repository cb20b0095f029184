import { Type } from '@sinclair/typebox';
import { closed, Nullable } from '../../schemas/common.js';
import { LedgerEventSchema } from '../../schemas/events.js';

const Base64Hash = Type.String({ description: 'A SHA-256 hash, standard base64', pattern: '^[A-Za-z0-9+/]{43}=$' });
const Seq = Type.Integer({ minimum: 1, description: 'Sequence number of a ledger event; its leaf index is seq − 1' });
const Size = Type.Integer({ minimum: 0, description: 'A tree size (number of leaves)' });

export const InclusionQuery = Type.Object({
  seq: Seq,
  size: Type.Optional(Type.Integer({ minimum: 1, description: 'Tree size to prove against (default: the latest checkpoint)' })),
}, closed);

export const InclusionView = Type.Object({ seq: Seq, leafIndex: Size, size: Size, proof: Type.Array(Base64Hash) }, closed);

export const ConsistencyQuery = Type.Object({
  from: Size,
  to: Type.Optional(Type.Integer({ minimum: 0, description: 'Newer tree size (default: the latest checkpoint)' })),
}, closed);

export const ConsistencyView = Type.Object({ from: Size, to: Size, proof: Type.Array(Base64Hash) }, closed);

export const TileParams = Type.Object({ level: Type.Integer({ minimum: 0, maximum: 7, description: 'Tile level: tree levels 8k to 8k+7' }) }, closed);
export const TileQuery = Type.Object({
  from: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'First tile index' })),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, default: 16, description: 'Tiles per page, at most 64' })),
}, closed);
export const TilesView = Type.Object({
  level: Type.Integer(),
  tiles: Type.Array(Type.Object({
    index: Type.Integer(),
    hashes: Type.String({ description: 'The tile as stored, base64: its bottom hashes, then each complete row above (docs/log.md)' }),
  }, closed)),
}, closed);

/** A database row exactly as stored, column by column. */
export const RawRowView = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]));

export const SubjectProofsView = Type.Object({
  checkpoint: Type.String({ description: 'The signed checkpoint note every proof is against' }),
  size: Size,
  items: Type.Array(Type.Object({
    event: Type.Object({ seq: Seq, recordedAt: Type.Integer({ description: 'Milliseconds since the epoch, as hashed' }), actor: Type.String(), event: LedgerEventSchema }, closed),
    leafIndex: Size,
    proof: Nullable(Type.Array(Base64Hash)),
  }, closed)),
}, closed);
