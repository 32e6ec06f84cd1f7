import type { Problem, ProblemCode, Session } from '@sevabook/shared';
import { sessionStore } from './session.ts';

/**
 * The one way the admin site talks to the API. It adds the staff token, turns every failure
 * into an ApiError (the problem document) or a NetworkError (no answer), and handles an expired
 * token in one place: one refresh through the httpOnly cookie, then the request once more; if
 * the session cannot be renewed, the user is signed out and the router shows the login page.
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
  /** `text` reads the body as text (e.g. the day sheet's CSV). */
  as?: 'json' | 'text';
  /** Sign-in and refresh calls carry no bearer token and must not trigger a refresh. */
  anonymous?: boolean;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous) {
    const renewed = await refreshSession();
    if (!renewed) {
      sessionStore.signOut('expired');
      throw new ApiError(await readProblem(response));
    }
    response = await send(path, options);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (options.as === 'text' ? await response.text() : await response.json()) as T;
  }
  throw new ApiError(await readProblem(response));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.anonymous ? undefined : sessionStore.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

let refreshing: Promise<Session | null> | null = null;

/**
 * A new access token from the refresh cookie; null when the session has ended. Concurrent
 * callers share one request: refresh tokens rotate, and presenting a used one ends the session.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    try {
      const session = await apiRequest<Session>('/auth/refresh', {
        method: 'POST',
        anonymous: true,
      });
      sessionStore.signIn(session);
      return session;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 422)) return null;
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The problem document of a failed response; HTML or an empty body becomes a generic one. */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback = fallbackProblem(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { code?: unknown }).code !== 'string'
  ) {
    return fallback;
  }
  return { ...fallback, ...(body as Partial<Problem>) };
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
