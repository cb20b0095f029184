import { CredenceError } from '../errors.js';

/** A free-text field of a due-process step: non-blank, at most `max` characters; returned as given. */
export function requireText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new CredenceError('invalid_request', `${field} must be a non-blank text of at most ${max} characters`, { field });
  }
  return value;
}
