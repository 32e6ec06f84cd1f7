import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordSchema,
  loginSchema,
  problemSchema,
  refreshSchema,
  sessionSchema,
  staffUserSchema,
} from '@sevabook/shared';
import { AppError } from '../errors.ts';
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

  const perAccountLimit = app.createRateLimit({
    max: auth.loginRateLimitPerMin,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | null)?.email;
      return `login-account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
  });

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
      refreshToken: refresh.token,
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
          'Returns a short-lived access token and a refresh token (also set as an httpOnly cookie). ' +
          'Unknown emails, wrong passwords and locked or inactive accounts all answer 401 invalid_credentials.',
        body: loginSchema,
        security: [],
        response: {
          200: sessionSchema,
          401: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
      preHandler: async (request) => {
        const limit = await perAccountLimit(request);
        if (!limit.isAllowed && limit.isExceeded) {
          throw new AppError(
            429,
            'rate_limited',
            'Too many sign-in attempts',
            'Too many attempts for this account; wait a minute.',
            undefined,
            {
              'retry-after': String(limit.ttlInSeconds),
            },
          );
        }
      },
    },
    async (request, reply) => {
      const now = new Date();
      const user = await verifyLogin(app.db, auth, request.body.email, request.body.password, now);
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
          'Reads the `sevabook_refresh` cookie, or `refreshToken` in the body. The token is rotated; ' +
          'presenting an already-used one revokes its whole session.',
        body: refreshSchema.nullish(),
        security: [],
        response: { 200: sessionSchema, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
      if (!token) throw unauthorized('Send a refresh token.');
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
        summary: 'Sign out: revoke the refresh token’s session and clear the cookie',
        body: refreshSchema.nullish(),
        security: [],
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (request, reply) => {
      const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
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
          summary: 'Change one’s own password (signs out every other session)',
          security: bearer,
          body: changePasswordSchema,
          response: { 204: z.null().describe('Changed'), 401: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        await refuseCommonPassword(request.body.newPassword, 'newPassword');
        await changePassword(
          app.db,
          principalOf(request).id,
          request.body.currentPassword,
          request.body.newPassword,
          new Date(),
        );
        return reply.code(204).send(null);
      },
    );
  });
};

export default authRoutes;
