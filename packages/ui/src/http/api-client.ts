import type { Problem, ProblemCode } from '@sevabook/shared';

/**
 * The core of how both sites talk to the API. Every failure becomes one of two errors, so
 * screens can turn it into a sentence without knowing about HTTP:
 * - ApiError: the API answered with a problem document (or something we wrap as one);
 * - NetworkError: no answer at all (offline, DNS, the server is down).
 * What only one site needs (the admin's staff token and its refresh) wraps this core.
 */
export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get code(): ProblemCode {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The network request failed', { cause });
    this.name = 'NetworkError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** `text` reads the body as text (e.g. a CSV download). */
  as?: 'json' | 'text';
}

/** One request under API_BASE; a response of any status comes back, no answer is a NetworkError. */
export async function sendRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    // An abort is the caller's own doing (e.g. React Query cancelling); pass it through.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

/** The body of a successful response, or an ApiError with the problem document of a failed one. */
export async function readResponse<T>(
  response: Response,
  as: 'json' | 'text' = 'json',
): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (as === 'text' ? await response.text() : await response.json()) as T;
  }
  throw new ApiError(await readProblem(response));
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readResponse<T>(await sendRequest(path, options), options.as);
}

/**
 * The problem document of a failed response. A proxy or a crashed server can answer with HTML
 * or nothing at all; those become a problem with a code the screens know how to word.
 */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback = fallbackProblem(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (!isProblemLike(body)) return fallback;
  // An unknown code is kept as it is: the screens word only the codes they know and fall back
  // to a general sentence for the rest.
  return { ...fallback, ...body };
}

function isProblemLike(body: unknown): body is Partial<Problem> & { code: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string'
  );
}

function fallbackProblem(status: number): Problem {
  const code: ProblemCode =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 429
            ? 'rate_limited'
            : status >= 502 && status <= 504
              ? 'service_unavailable'
              : status === 400 || status === 422
                ? 'validation_failed'
                : 'internal_error';
  return { type: 'about:blank', title: `HTTP ${status}`, status, code };
}
