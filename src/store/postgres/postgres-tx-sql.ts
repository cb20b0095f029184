import type { TxSqlValue, TxSqlWrite } from '../store.js';
import type { PostgresStatements } from './postgres-statements.js';

const texts = new Map<string, string>();
/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the statements never contain a literal `?`). */
function numbered(sql: string): string {
  let text = texts.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    texts.set(sql, text);
  }
  return text;
}

const values = (params: readonly TxSqlValue[]): unknown[] => params.map((p) => (Array.isArray(p) ? [...p] : p));

/** Feature-table SQL inside the surrounding PostgreSQL transaction. */
export const postgresTxSql = (s: PostgresStatements): TxSqlWrite => ({
  inList: '= any(?::text[])',
  all: (sql, params) => s.all(numbered(sql), ...values(params)),
  run: (sql, params) => s.run(numbered(sql), ...values(params)),
});
