export { openStore, DEFAULT_STORE_URL } from './open-store.js';
export type { ReadTx, Store, StoreDialect, TxSqlRead, TxSqlRow, TxSqlValue, TxSqlWrite, WriteTx } from './store.js';
export type {
  ClientRow, EventStats, LedgerHead, NewEvent, RejectionCount, RulebookRow, RulebookStatus, StoredRecord, StoredStanding, SubjectChange, SubjectRow,
} from './rows.js';
