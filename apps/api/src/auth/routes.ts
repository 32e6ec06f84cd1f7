import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordSchema,
  loginSchema,
  problemSchema,
  sessionSchema,
  staffUserSchema,
} from '@sevabook/shared';
import type { StaffUser } from '../generated/prisma/client.ts';
import { toStaffUserDto } from '../admin/users/staff-user-dto.ts';
import { refuseCommonPassword } from '../admin/users/common-password-check.ts';
import { REFRESH_COOKIE, unauthorized } from './auth-plugin.ts';
import { principalOf } from './authorize.ts';
import { changePassword, verifyLogin } from './login-service.ts';
import {
  issueRefreshToken,
  revokeRefreshToken,
  rotateRefreshToken,
  type IssuedRefreshToken,
} from './refresh-tokens.ts';

const bearer = [{ bearerAuth: [] }];

/** Sign-in, token refresh, sign-out and the signed-in user's own account. Mounted at /api/v1/auth. */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth } = app.config;
  const secureCookie = app.config.publicUrl.startsWith('https:');

  /**
   * The refresh token goes out only as an httpOnly cookie scoped to these routes: a script
   * injected into the admin site cannot read it, and it never sits in a JSON body or a log.
   * Programs that are not browsers keep and send the cookie like any HTTP client; software of
   * third parties uses API keys instead (docs/decisions/0005-staff-auth-and-search.md).
   */
  function sendSession(reply: FastifyReply, user: StaffUser, refresh: IssuedRefreshToken) {
    void reply.setCookie(REFRESH_COOKIE, refresh.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie,
      path: '/api/v1/auth',
      expires: refresh.expiresAt,
    });
    void reply.header('cache-control', 'no-store');
    return {
      accessToken: app.signAccessToken(user),
      tokenType: 'Bearer' as const,
      expiresIn: auth.accessTokenTtlSeconds,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
      user: toStaffUserDto(user),
    };
  }

  app.post(
    '/login',
    {
      config: { rateLimit: { max: auth.loginRateLimitPerMin, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Returns a short-lived access token; the refresh token is set as the httpOnly `sevabook_refresh` cookie only. ' +
          'Unknown emails, wrong passwords and inactive accounts all answer 401 invalid_credentials. ' +
          'After repeated wrong passwords for one account from one address, that address waits (429, Retry-After); other addresses are not affected.',
        body: loginSchema,
        security: [],
        response: {
          200: sessionSchema,
          401: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const { email, password } = request.body;
      const user = await verifyLogin(app.db, auth, email, password, request.ip, now);
      const refresh = await issueRefreshToken(app.db, user.id, auth.refreshTokenTtlDays, now);
      request.log.info({ staffUserId: user.id }, 'staff signed in');
      return sendSession(reply, user, refresh);
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new access token and a new refresh token',
        description:
          'Reads the `sevabook_refresh` cookie and rotates it. Presenting an already-used one revokes ' +
          'its whole session and ends every access token of the account at once.',
        security: [],
        response: { 200: sessionSchema, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw unauthorized(`Send the ${REFRESH_COOKIE} cookie.`);
      const now = new Date();
      const result = await rotateRefreshToken(app.db, token, auth.refreshTokenTtlDays, now);
      if (!result.ok) {
        if (result.reason === 'reused')
          request.log.warn('refresh token reused: its session was revoked');
        void reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' });
        throw unauthorized('This session has ended; sign in again.');
      }
      return sendSession(reply, result.user, result.next);
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revoke the refresh cookie’s session and clear the cookie',
        security: [],
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (token) await revokeRefreshToken(app.db, token, new Date());
      return reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' }).code(204).send(null);
    },
  );

  await app.register(async (plain) => {
    const own = plain.withTypeProvider<ZodTypeProvider>();
    // The signed-in user's own account: any role; a required password change is allowed here.
    own.addHook('onRequest', async (request) => {
      const principal = await request.server.authenticate(request);
      if (principal.kind !== 'staff') throw unauthorized('Sign in as a staff user.');
    });

    own.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in staff user',
          security: bearer,
          response: { 200: staffUserSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const user = await app.db.staffUser.findUniqueOrThrow({
          where: { id: principalOf(request).id },
        });
        return toStaffUserDto(user);
      },
    );

    own.post(
      '/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password (signs out every other session at once)',
          description:
            'Every other session ends at once, its access tokens included. The session whose `sevabook_refresh` cookie ' +
            'comes with the request goes on: its access token is refused once and renewed with the cookie. ' +
            'A wrong current password counts towards the same wait as wrong passwords at sign-in (429, Retry-After).',
          security: bearer,
          body: changePasswordSchema,
          response: {
            204: z.null().describe('Changed'),
            401: problemSchema,
            422: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        await refuseCommonPassword(request.body.newPassword, 'newPassword');
        await changePassword(
          app.db,
          auth,
          principalOf(request).id,
          request.body.currentPassword,
          request.body.newPassword,
          { address: request.ip, refreshToken: request.cookies[REFRESH_COOKIE] },
          new Date(),
        );
        return reply.code(204).send(null);
      },
    );
  });
};

export default authRoutes;
