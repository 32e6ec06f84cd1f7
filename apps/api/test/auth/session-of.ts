import type { LightMyRequestResponse } from 'fastify';

/** What a sign-in or refresh answers with (the refresh token is never in it). */
export interface SessionBody {
  accessToken: string;
  expiresIn: number;
  user: { id: number; email: string; role: string };
}

export const refreshCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === 'sevabook_refresh');

/** The session a sign-in or refresh answered with, and the refresh token from its cookie. */
export const sessionOf = (res: LightMyRequestResponse) => ({
  ...res.json<SessionBody>(),
  refreshToken: refreshCookie(res)!.value,
});
