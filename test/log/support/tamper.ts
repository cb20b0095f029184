import { pick, randomInt, type Rng } from '../../../src/core/random.js';
import type { RawDb, RawDbRow, RawValue } from './raw-db.js';

export type Target = 'records' | 'standings' | 'events' | 'tiles';

/** One changed value: where it is, and how to put it back. */
export interface Tampering {
  readonly target: Target;
  readonly table: string;
  /** The row as it was (its key identifies it in the audit's findings). */
  readonly row: RawDbRow;
  readonly column: string;
  readonly before: RawValue;
  readonly after: RawValue;
  restore(): Promise<void>;
}

const TABLES: Record<Target, { readonly table: string; readonly key: readonly string[] }> = {
  records: { table: 'records', key: ['seq'] },
  standings: { table: 'subjects', key: ['id'] },
  events: { table: 'events', key: ['seq'] },
  tiles: { table: 'log_tiles', key: ['level', 'idx'] },
};

const DAY = 86_400_000;
const GRADES = ['AAA', 'AA', 'A', 'B', 'C', 'D'];
const STATUSES = ['active', 'fulfilled', 'corrected', 'retracted'];
const TYPES = ['loan.overdue', 'tax.arrears', 'admin.traffic_penalty', 'court.defaulter.refuses_to_perform'];
const FURNISHERS = ['demo-court', 'demo-tax', 'demo-bank'];

/** A different value of the same kind: what an attacker editing one cell would write. */
function changed(column: string, value: RawValue, rng: Rng, ctx: { readonly unusedSeq: number; readonly otherSubject: string }): RawValue {
  if (Buffer.isBuffer(value)) {
    const copy = Buffer.from(value);
    const i = randomInt(rng, 0, copy.length - 1);
    copy[i] = (copy[i] ?? 0) ^ (1 << randomInt(rng, 0, 7));
    return copy;
  }
  if (column === 'seq') return ctx.unusedSeq;
  if (column === 'level') return Number(value) + 10;
  if (column === 'idx') return Number(value) + 100_000;
  if (column === 'subject_id') return value === ctx.otherSubject ? `${ctx.otherSubject}0` : ctx.otherSubject;
  if (/_grade$/.test(column)) return pick(rng, GRADES.filter((g) => g !== value));
  if (column === 'status') return pick(rng, STATUSES.filter((s) => s !== value));
  if (column === 'type' && typeof value === 'string' && value.includes('.') && !value.startsWith('record.') && !value.startsWith('client.')) return pick(rng, TYPES.filter((t) => t !== value));
  if (column === 'furnisher_id') return pick(rng, FURNISHERS.filter((f) => f !== value));
  if (column === 'consent') return value === 1 ? 0 : 1;
  // A standing's time can only be checked against the events: moving it before the subject's last event is what is detectable.
  if (/_computed_at$/.test(column)) return Number(value) - randomInt(rng, 1, 30) * DAY;
  if (/_(lists|measures)$/.test(column) || column === 'payload') return changedJson(String(value), rng);
  if (value === null) return /_at$|_by$/.test(column) || column === 'next_change_at' ? Date.UTC(2027, 0, 1) : 1;
  if (typeof value === 'number') return value + (/_at$|_by$/.test(column) ? pick(rng, [-1, 1]) * randomInt(rng, 1, 400) * DAY : pick(rng, [-1, 1]) * randomInt(rng, 1, 50));
  return `${value}${pick(rng, ['x', '0', ' '])}`;
}

/** The JSON text with one value changed (or one element added to an empty list). */
function changedJson(text: string, rng: Rng): string {
  const doc = JSON.parse(text) as unknown;
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        if (typeof v === 'object' && v !== null) walk(v);
        else leaves.push({ parent: node, key: i });
      });
    }
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'object' && v !== null) walk(v);
        else leaves.push({ parent: node as Record<string, unknown>, key: k });
      }
    }
  };
  walk(doc);
  if (leaves.length === 0) {
    if (Array.isArray(doc)) doc.push(0);
    return JSON.stringify(doc);
  }
  const { parent, key } = pick(rng, leaves);
  const v = (parent as Record<string | number, unknown>)[key];
  (parent as Record<string | number, unknown>)[key] = typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 0;
  return JSON.stringify(doc);
}

/** The columns of a row the test may change: for standings, the standing columns in use. */
function columnsOf(target: Target, row: RawDbRow): string[] {
  const all = Object.keys(row);
  if (target !== 'standings') return all;
  return ['version', 'next_change_at', ...all.filter((c) => /^[ab]_/.test(c) && row[`${c.slice(0, 1)}_version`] !== null)];
}

/** Changes one value of one random row of the target's table, directly in the database. */
export async function tamper(db: RawDb, target: Target, rng: Rng, trial: number): Promise<Tampering> {
  const { table, key } = TABLES[target];
  const [{ n } = { n: 0 }] = await db.all(`select count(*) as n from ${table}`);
  const [row] = await db.all(`select * from ${table} order by ${key.join(', ')} limit 1 offset ?`, [randomInt(rng, 0, Number(n) - 1)]);
  if (!row) throw new Error(`no rows in ${table}`);
  const [{ m } = { m: 0 }] = await db.all('select max(seq) as m from events');
  const [other] = await db.all('select id from subjects where id <> ? order by id limit 1', [String(row.subject_id ?? row.id)]);
  const column = pick(rng, columnsOf(target, row));
  const before = row[column] ?? null;
  const after = changed(column, before, rng, { unusedSeq: Number(m) + 1000 + trial, otherSubject: String(other?.id) });
  const where = (r: RawDbRow): [string, RawValue[]] => [key.map((k) => `${k} = ?`).join(' and '), key.map((k) => r[k] ?? null)];
  const [cond, params] = where(row);
  if ((await db.run(`update ${table} set ${column} = ? where ${cond}`, [after, ...params])) !== 1) throw new Error(`could not change ${table}.${column}`);
  const [restoreCond, restoreParams] = where({ ...row, [column]: after });
  return {
    target, table, row, column, before, after,
    restore: async () => {
      if ((await db.run(`update ${table} set ${column} = ? where ${restoreCond}`, [before, ...restoreParams])) !== 1) throw new Error(`could not restore ${table}.${column}`);
    },
  };
}
