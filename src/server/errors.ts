/** One failing field of a request, with its path as dotted/indexed text (`areas[0].volumeMl`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type of the server: rendered as RFC 9457 problem+json by the error handler.
 * `type` is a stable slug; clients switch on it, never on `detail`.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }

  static badRequest(detail: string, errors?: FieldIssue[]): Problem {
    return new Problem(400, 'validation', 'Invalid request', detail, errors);
  }
  static unauthorized(detail = 'Authentication required'): Problem {
    return new Problem(401, 'unauthorized', 'Unauthorized', detail);
  }
  static forbidden(detail = 'Your role does not allow this'): Problem {
    return new Problem(403, 'forbidden', 'Forbidden', detail);
  }
  static notFound(what: string): Problem {
    return new Problem(404, 'not-found', 'Not found', `${what} not found`);
  }
  static conflict(detail: string, extra?: Record<string, unknown>): Problem {
    return new Problem(409, 'conflict', 'Conflict', detail, undefined, extra);
  }
  static unprocessable(type: string, detail: string, errors?: FieldIssue[], extra?: Record<string, unknown>): Problem {
    return new Problem(422, type, 'Unprocessable', detail, errors, extra);
  }
}

/** Formats a zod-style issue path (`['areas', 0, 'volumeMl']`) as `areas[0].volumeMl`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
