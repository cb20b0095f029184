import type { StoreDialect } from './store.js';

export type SqlValue = string | number | null | readonly string[];
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * The little a dialect supplies to the service store: statements written once with `?` placeholders,
 * a list parameter, and a multi-row insert committed durably in one transaction.
 */
export interface SqlExec {
  readonly dialect: StoreDialect;
  /** SQL for "column is one of the values bound to this one placeholder". */
  readonly inList: string;
  all(sql: string, params: readonly SqlValue[]): Promise<readonly SqlRow[]>;
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
  /** Inserts the rows (column values in order) in one transaction; resolves after the commit. */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  close(): Promise<void>;
}
