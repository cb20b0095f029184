import { ApiError } from '../../api/http.js';
import type { Problem } from '../../api/wire.js';
import type { LineIssue } from './yaml-editor.js';

/** The located issues of an invalid_rulebook problem (or the problem's detail when it has none). */
export function problemIssues(error: unknown): readonly LineIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_rulebook') return null;
  const errors = (error.body as Partial<Problem>).errors ?? [];
  if (errors.length === 0) return [{ message: error.message }];
  return errors.map((e) => ({ line: e.line, column: e.column, path: e.path, message: e.message }));
}
