import { hkdfSync } from 'node:crypto';
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { API_KEY_PREFIX } from '../auth/api-key-secrets.ts';
import { JWT_ISSUER } from '../auth/auth-plugin.ts';

/**
 * The session a devotee gets for a sign-in code: a JWT that names the code's row, from which
 * the phone is read on every request (so the token itself carries nothing personal).
 *
 * It is kept apart from staff tokens twice over: it is signed with its own key (derived from
 * JWT_SECRET with HKDF, never JWT_SECRET itself) and carries its own audience and purpose, and
 * each side verifies only its own audience. A staff token is no devotee session and a devotee
 * session is no staff token, even if one of the checks were ever loosened.
 */
export const DEVOTEE_AUDIENCE = 'sevabook-devotee';
const PURPOSE = 'my-bookings';

interface DevoteeClaims {
  sub: string;
  purpose: typeof PURPOSE;
}

export interface DevoteeSessions {
  readonly ttlSeconds: number;
  /** A session for the sign-in code with this row id. */
  sign(codeId: number): string;
  /** The phone of the request's devotee session, or null for none or one not valid. */
  phoneOf(request: FastifyRequest): Promise<string | null>;
  /** Like phoneOf, but a request without a valid session is answered 401. */
  requirePhone(request: FastifyRequest): Promise<string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    devoteeSessions: DevoteeSessions;
  }
}

const sessionRequired = (detail: string) =>
  new AppError(401, 'unauthorized', 'Sign-in required', detail, undefined, {
    'www-authenticate': 'Bearer realm="sevabook-my-bookings"',
  });

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? /^Bearer +(\S+)$/i.exec(header)?.[1] : undefined;
  return token?.startsWith(API_KEY_PREFIX) ? undefined : token;
}

/** Registered after the staff auth plugin: @fastify/jwt keeps this one under its own namespace. */
export default fp(async function devoteeSessions(app) {
  const { myBookings, jwtSecret } = app.config;
  const key = Buffer.from(hkdfSync('sha256', jwtSecret, 'sevabook', 'devotee session', 32));
  await app.register(jwt, {
    namespace: 'devotee',
    secret: key,
    sign: {
      algorithm: 'HS256',
      iss: JWT_ISSUER,
      aud: DEVOTEE_AUDIENCE,
      expiresIn: `${myBookings.sessionTtlSeconds}s`,
    },
    verify: {
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: DEVOTEE_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat', 'iss', 'aud'],
    },
  });
  const signer = (app.jwt as unknown as Record<'devotee', typeof app.jwt>).devotee;

  /** 'none', 'invalid', 'expired', or the phone. */
  async function resolve(request: FastifyRequest): Promise<string> {
    const token = bearerOf(request);
    if (!token) return 'none';
    let claims: DevoteeClaims;
    try {
      claims = signer.verify<DevoteeClaims>(token);
    } catch (error) {
      return (error as { code?: string }).code === 'FAST_JWT_EXPIRED' ? 'expired' : 'invalid';
    }
    const id = Number(claims.sub);
    if (claims.purpose !== PURPOSE || !Number.isInteger(id)) return 'invalid';
    const code = await app.db.phoneSignInCode.findUnique({
      where: { id },
      select: { phone: true, usedAt: true },
    });
    return code?.usedAt ? code.phone : 'invalid';
  }

  const isPhone = (value: string) => value.startsWith('+');

  app.decorate('devoteeSessions', {
    ttlSeconds: myBookings.sessionTtlSeconds,
    sign: (codeId: number) =>
      signer.sign({ sub: String(codeId), purpose: PURPOSE } satisfies DevoteeClaims),
    async phoneOf(request: FastifyRequest) {
      const result = await resolve(request);
      return isPhone(result) ? result : null;
    },
    async requirePhone(request: FastifyRequest) {
      const result = await resolve(request);
      if (isPhone(result)) return result;
      throw sessionRequired(
        result === 'expired'
          ? 'Your session has ended; ask for a new code.'
          : 'Send the session from a sign-in code: `Authorization: Bearer <token>`.',
      );
    },
  } satisfies DevoteeSessions);
});
