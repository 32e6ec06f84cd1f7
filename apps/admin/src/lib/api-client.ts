import type { Session } from '@sevabook/shared';
import {
  ApiError,
  readProblem,
  readResponse,
  sendRequest,
  type RequestOptions as SharedRequestOptions,
} from '@sevabook/ui';
import { sessionStore } from './session.ts';

export { ApiError, NetworkError } from '@sevabook/ui';

/**
 * The admin site's wrapper around the shared API client: it adds the staff token and handles an
 * expired token in one place: one refresh through the httpOnly cookie, then the request once
 * more; if the session cannot be renewed, the user is signed out and the router shows the login
 * page.
 */
export interface RequestOptions extends SharedRequestOptions {
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
  return readResponse<T>(response, options.as);
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const token = options.anonymous ? undefined : sessionStore.accessToken();
  if (!token) return sendRequest(path, options);
  return sendRequest(path, {
    ...options,
    headers: { ...options.headers, Authorization: `Bearer ${token}` },
  });
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
