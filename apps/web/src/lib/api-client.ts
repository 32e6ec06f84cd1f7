import type { Problem, ProblemCode } from '@sevabook/shared';

/**
 * The one way the site talks to the API. Every failure becomes one of two errors, so screens
 * can turn it into a sentence without knowing about HTTP:
 * - ApiError: the API answered with a problem document (or something we wrap as one);
 * - NetworkError: no answer at all (offline, DNS, the server is down).
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
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own doing (e.g. React Query cancelling); pass it through.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  throw new ApiError(await readProblem(response));
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
    status === 404
      ? 'not_found'
      : status === 429
        ? 'rate_limited'
        : status === 502 || status === 503 || status === 504
          ? 'service_unavailable'
          : status === 422 || status === 400
            ? 'validation_failed'
            : 'internal_error';
  return { type: 'about:blank', title: `HTTP ${status}`, status, code };
}
