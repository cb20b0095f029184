/** Whether SQLite refused for a lock another connection holds (SQLITE_BUSY and its extended codes). */
export const isSqliteBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');
