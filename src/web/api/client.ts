// The one way the browser talks to the API: JSON in and out, the CSRF token on writes, problem+json
// turned into ApiError, and a 401 on an authenticated call reported as an expired session.

/** A field issue of a problem answer (`body.givenName`, `body.areas[0].volumeMl`). */
export interface ProblemIssue {
  path: string;
  message: string;
}

/** RFC 9457 problem details as the server renders them (plus any extra members). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemIssue[];
  [extra: string]: unknown;
}

/** An API call that did not succeed; `slug` is the last part of the problem type (`validation`). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody;
  readonly slug: string;

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.slug = problem.type.split('/').pop() ?? problem.type;
  }
}

/** Dates travel as ISO text: the wire form of a server type whose schema holds `Date`. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

let csrfToken: string | null = null;
const expiredListeners = new Set<() => void>();

/** Remembers the session's CSRF token (from the login answer or GET /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever an authenticated call answers 401 (idle or absolute timeout). */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Tells every listener the session is gone (a 401 seen outside `call`). */
export function onSessionExpiredNotify(): void {
  for (const l of expiredListeners) l();
}

export interface CallOptions {
  body?: unknown;
  /** A multipart body (file uploads); sent as it is. */
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** A 401 is an answer of its own (the login form), not an expired session. */
  anonymous?: boolean;
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds `/api/v1{path}?query`, leaving out empty query values. */
export function apiUrl(path: string, query?: CallOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** Performs one API call; resolves to the parsed JSON (undefined for 204), rejects with ApiError. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (writes.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ type: 'network', title: 'Network error', status: 0, detail: 'The server could not be reached.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): the status alone describes the failure.
  }
  if (res.ok) return json as T;
  const problem: ProblemBody =
    json && typeof json === 'object' && 'type' in json ? (json as ProblemBody) : { type: 'about:blank', title: res.statusText || 'Error', status: res.status };
  const error = new ApiError({ ...problem, status: res.status });
  if (res.status === 401 && !options.anonymous) onSessionExpiredNotify();
  throw error;
}

/** Shorthands for the verbs. */
export const api = {
  get: <T>(path: string, query?: CallOptions['query'], signal?: AbortSignal) => call<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => call<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => call<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => call<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => call<T>('POST', path, { form }),
};
