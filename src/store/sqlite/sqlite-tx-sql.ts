import type { Value } from '../columns.js';
import type { TxSqlValue, TxSqlWrite } from '../store.js';
import type { SqliteStatements } from './sqlite-statements.js';

/** A list parameter is bound as JSON text and read back with json_each. */
const bind = (params: readonly TxSqlValue[]): Value[] => params.map((p) => (Array.isArray(p) ? JSON.stringify(p) : (p as Value)));

/** Feature-table SQL on the connection of the surrounding transaction (statements are cached per connection). */
export const sqliteTxSql = (s: SqliteStatements): TxSqlWrite => ({
  inList: 'in (select value from json_each(?))',
  all: (sql, params) => Promise.resolve(s.all(sql, ...bind(params))),
  run: (sql, params) => Promise.resolve(s.run(sql, ...bind(params))),
});
