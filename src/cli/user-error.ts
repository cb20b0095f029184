/**
 * An error the user can fix (a wrong path, flag or identifier). The CLI prints its message on one line,
 * without a stack, and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
