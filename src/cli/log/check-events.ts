import { leafHash, type Hasher } from '../../core/merkle/index.js';
import type { LedgerEvent, StoredEvent } from '../../core/ledger/ledger-event.js';
import { leafBytes } from '../../log/leaf-bytes.js';
import type { RawRow } from '../../store/log-store.js';
import { recordSeqOf } from '../../store/record-key.js';
import { getAllPages, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';

const EVENT_COLUMNS = ['seq', 'type', 'subject_id', 'record_seq', 'recorded_at', 'actor', 'payload'];

export interface AuditedEvents {
  /** Every event whose row could be read, in seq order. */
  readonly events: readonly StoredEvent[];
  /** The log leaf hash of each row, in row order (leaf i is the row at position i). */
  readonly leaves: readonly Uint8Array[];
}

export async function fetchEventRows(http: AuditHttp): Promise<RawRow[]> {
  const pages = await getAllPages<{ items: RawRow[]; next: number | null }, number>(
    http, 1, (from) => `/v1/log/audit/events?from=${from ?? 1}&limit=1000`, (p) => p.next,
  );
  return pages.flatMap((p) => p.items);
}

/**
 * Reads the ledger's event rows as stored: the sequence must have no gap, every column must agree
 * with the event's own payload, and each event becomes its log leaf (leaf-bytes.ts).
 */
export function checkEvents(rows: readonly RawRow[], h: Hasher, out: Problems): AuditedEvents {
  const events: StoredEvent[] = [];
  const leaves: Uint8Array[] = [];
  rows.forEach((row, i) => {
    const seq = Number(row.seq);
    if (seq !== i + 1 && Number(rows[i - 1]?.seq) !== seq - 1) out.add({ kind: 'event', seq: i + 1, detail: `event ${i + 1} is missing: the row after ${i} has seq ${String(row.seq)}` });
    const extra = Object.keys(row).filter((c) => !EVENT_COLUMNS.includes(c));
    if (extra.length > 0) out.add({ kind: 'event', seq, detail: `the events table has columns the auditor does not check: ${extra.join(', ')}` });
    const event = parsePayload(row.payload);
    if (!event) {
      out.add({ kind: 'event', seq, detail: `event ${seq}: the payload is not a ledger event` });
      leaves.push(leafHash(h, new TextEncoder().encode(String(row.payload))));
      return;
    }
    const stored: StoredEvent = { seq, recordedAt: Number(row.recorded_at), actor: String(row.actor), event };
    const expect = { type: event.type, subject_id: event.subjectId, record_seq: recordSeqOf(event, seq) };
    for (const [column, value] of Object.entries(expect)) {
      if (row[column] !== value) out.add({ kind: 'event', seq, detail: `event ${seq}: column ${column} is ${JSON.stringify(row[column])}, its payload says ${JSON.stringify(value)}` });
    }
    if (!Number.isSafeInteger(row.recorded_at) || typeof row.actor !== 'string') out.add({ kind: 'event', seq, detail: `event ${seq}: recorded_at or actor is malformed` });
    events.push(stored);
    leaves.push(leafHash(h, leafBytes(stored)));
  });
  return { events, leaves };
}

function parsePayload(payload: unknown): LedgerEvent | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const e = JSON.parse(payload) as unknown;
    return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' ? (e as LedgerEvent) : undefined;
  } catch {
    return undefined;
  }
}
