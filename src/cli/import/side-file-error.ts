import { UserError } from '../user-error.js';

const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'a directory is in the way',
  ERR_FS_EISDIR: 'a directory is in the way',
  ENOSPC: 'the disk is full',
};

/**
 * The import keeps its side files (rejected lines, checkpoint) next to the input. When one cannot be
 * written, the user is told which file and what to do; any error that is not a file system error is
 * returned unchanged.
 */
export function sideFileError(path: string, e: unknown): unknown {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
  if (code === undefined || !(code.startsWith('E') || code.startsWith('ERR_FS_'))) return e;
  return new UserError(
    `cannot write ${path} (${CAUSES[code] ?? code}): the import keeps it next to its input; ` +
      'copy the input to a folder you can write to and import it from there',
  );
}
