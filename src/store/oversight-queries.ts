import { subjectId, type Instant, type SubjectId } from '../core/brand.js';
import type { ReadTx, StoreDialect, TxSqlRow } from './store.js';

/** Subjects of one kind with one grade under a rulebook version; `grade` null: not rated under it (yet). */
export interface KindGradeCount {
  readonly kind: string;
  readonly grade: string | null;
  readonly subjects: number;
}

export interface InquiryCount {
  readonly action: string;
  readonly outcome: string;
  readonly count: number;
}

/** Rows of a due-process table per phase, and how many of them are past their awaited step's deadline. */
export interface PhaseCount {
  readonly phase: string;
  readonly count: number;
  readonly pastDue: number;
}

const n = (v: unknown): number => Number(v ?? 0);
const counted = (rows: readonly TxSqlRow[]): PhaseCount[] =>
  rows.map((r) => ({ phase: String(r.phase), count: n(r.n), pastDue: n(r.past) }));

/**
 * Read-only aggregates for the oversight dashboard: counts grouped by a handful of values, never a
 * subject's row. Each is one pass over its table (or an index range); the service tables (inquiries)
 * live in the ledger's database, as `openServiceStore` opens them on the same URL.
 */
export function oversightQueries(tx: ReadTx, dialect: StoreDialect) {
  const x = tx.sql;
  /** The standing slot (`a` or `b`) holding standings under `version`, if one does. */
  const slotOf = async (version: string): Promise<'a' | 'b' | undefined> => {
    const [head] = await x.all('select slot_a, slot_b from ledger_head where id = 1', []);
    return head?.slot_a === version ? 'a' : head?.slot_b === version ? 'b' : undefined;
  };
  return {
    /** Every subject counted once, by kind and by its grade under `version`. */
    kindGradeCounts: async (version: string): Promise<readonly KindGradeCount[]> => {
      const slot = await slotOf(version);
      const grade = slot ? `case when ${slot}_version = ? then ${slot}_grade end` : 'null';
      const rows = await x.all(`select kind, ${grade} as grade, count(*) as n from subjects group by 1, 2`, slot ? [version] : []);
      return rows.map((r) => ({ kind: String(r.kind), grade: r.grade === null || r.grade === undefined ? null : String(r.grade), subjects: n(r.n) }));
    },

    /** Subjects on each list now, from the stored standings under `version` (lists with no member are absent). */
    listSizes: async (version: string): Promise<ReadonlyMap<string, number>> => {
      const slot = await slotOf(version);
      if (!slot) return new Map();
      const each = dialect === 'sqlite'
        ? `select json_extract(j.value, '$.listId') as list, count(*) as n from subjects s, json_each(s.${slot}_lists) j`
        : `select j.value->>'listId' as list, count(*) as n from subjects s, jsonb_array_elements(s.${slot}_lists::jsonb) j`;
      const rows = await x.all(`${each} where s.${slot}_version = ? and s.${slot}_lists <> '[]' group by 1`, [version]);
      return new Map(rows.map((r) => [String(r.list), n(r.n)]));
    },

    /**
     * Up to `limit` subjects with a record of one of `types` that occurred in [from, to]; one more than
     * `limit` tells the caller there are more.
     */
    subjectsWithRecordTypes: async (types: readonly string[], from: Instant, to: Instant, limit: number): Promise<readonly SubjectId[]> => {
      if (types.length === 0) return [];
      const rows = await x.all(
        `select distinct subject_id from records where type ${x.inList} and occurred_at >= ? and occurred_at <= ? limit ?`, [types, from, to, limit + 1],
      );
      return rows.map((r) => subjectId(String(r.subject_id)));
    },

    /**
     * Decisions given since `since`, by action and outcome. `idFrom` is the smallest decision id of that
     * millisecond: ids are time-ordered, so the primary key bounds the scan to the window.
     */
    inquiryCounts: async (since: Instant, idFrom: string): Promise<readonly InquiryCount[]> =>
      (await x.all('select action, outcome, count(*) as n from inquiries where id >= ? and at >= ? group by 1, 2', [idFrom, since]))
        .map((r) => ({ action: String(r.action), outcome: String(r.outcome), count: n(r.n) })),

    /** Furnished items refused, by reason code, over all furnishers (the ledger's rejection counters). */
    rejectionCounts: async (): Promise<readonly { readonly code: string; readonly count: number }[]> =>
      (await x.all('select code, sum(count) as n from rejections group by code order by 2 desc, code', []))
        .map((r) => ({ code: String(r.code), count: n(r.n) })),

    disputePhases: async (at: Instant): Promise<readonly PhaseCount[]> => counted(await x.all(
      'select phase, count(*) as n, sum(case when due_at is not null and due_at <= ? then 1 else 0 end) as past from disputes group by phase', [at],
    )),
    disputesOpenedSince: async (since: Instant): Promise<number> =>
      n((await x.all('select count(*) as n from disputes where opened_at >= ?', [since]))[0]?.n),
    restorationPhases: async (at: Instant): Promise<readonly PhaseCount[]> => counted(await x.all(
      'select phase, count(*) as n, sum(case when due_at is not null and due_at <= ? then 1 else 0 end) as past from restorations group by phase', [at],
    )),
  };
}

export type OversightQueries = ReturnType<typeof oversightQueries>;
