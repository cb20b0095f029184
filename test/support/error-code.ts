import { isCredenceError, type ErrorCode } from '../../src/core/errors.js';

/** The catalog code a promise is refused with, or 'no error'; anything else thrown is not swallowed. */
export async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'no error'> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (isCredenceError(error)) return error.code;
    throw error;
  }
}
