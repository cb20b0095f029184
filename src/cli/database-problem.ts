/**
 * What to fix when SQLite may not write or open the database file (its errors, or their causes, carry
 * SQLITE_READONLY* or SQLITE_CANTOPEN), or undefined for any other error. `db` names the database.
 */
export function databaseProblem(e: unknown, db = 'the database'): string | undefined {
  for (let cause = e, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (code.startsWith('SQLITE_READONLY')) return `${db} is read-only (${cause.message}); check --db and its permissions`;
    if (code.startsWith('SQLITE_CANTOPEN')) return `cannot open ${db} (${cause.message}); check --db and its permissions`;
  }
  return undefined;
}
