// Problems of the clinical record that name the field at fault, in the form the error handler
// gives validation errors (`body.lots[0].lotId`).
import { Problem } from '../errors.ts';

/** 404 for a referenced record that does not exist in the caller's clinic, naming the field. */
export function referenceNotFound(what: string, path: string): Problem {
  return new Problem(404, 'not-found', 'Not found', `${what} not found`, [{ path, message: `${what.toLowerCase()} not found` }]);
}

/** 400 for one field, with its message. */
export function fieldInvalid(path: string, message: string): Problem {
  return Problem.badRequest(`${path}: ${message}`, [{ path, message }]);
}
