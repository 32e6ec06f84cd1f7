import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { StaffRole, StaffUser } from '../generated/prisma/client.ts';
import { API_KEY_PREFIX, findLiveApiKey } from './api-key-secrets.ts';
import { timingEqualiserHash } from './passwords.ts';
import { apiKeyActor, staffActor, type Principal } from './principal.ts';

export const JWT_ISSUER = 'sevabook';
export const JWT_AUDIENCE = 'sevabook-staff';
export const REFRESH_COOKIE = 'sevabook_refresh';

interface AccessClaims {
  sub: string;
  role: StaffRole;
  typ: 'access';
  /** The account's session version when the token was made (refresh-tokens.ts). */
  sv: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Who sent this request, from its bearer JWT or API key; throws a 401 AppError. */
    authenticate(request: FastifyRequest): Promise<Principal>;
    signAccessToken(user: Pick<StaffUser, 'id' | 'role' | 'sessionVersion'>): string;
  }
}

export const unauthorized = (detail: string) =>
  new AppError(401, 'unauthorized', 'Sign-in required', detail, undefined, {
    'www-authenticate': 'Bearer realm="sevabook"',
  });

/**
 * Staff authentication: HS256 access JWTs (algorithm pinned, issuer and audience checked,
 * lifetime ≤ 15 minutes), API keys for third parties (rate-limited per key), and the cookie
 * parser for the refresh cookie. Authorisation is done by the hooks in authorize.ts.
 */
export default fp(async function auth(app) {
  const { config } = app;
  // The first unknown email must not take longer than later ones: make the dummy hash now.
  app.addHook('onReady', async () => {
    await timingEqualiserHash();
  });
  await app.register(cookie);
  await app.register(jwt, {
    secret: config.jwtSecret,
    sign: {
      algorithm: 'HS256',
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      expiresIn: `${config.auth.accessTokenTtlSeconds}s`,
    },
    verify: {
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: JWT_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat', 'iss', 'aud'],
    },
  });
  app.decorateRequest('principal', null);

  const apiKeyLimit = app.createRateLimit({
    max: config.auth.apiKeyRateLimitPerMin,
    timeWindow: 60_000,
    keyGenerator: (request) => `api-key:${request.principal?.id ?? 0}`,
  });

  app.decorate('signAccessToken', (user: Pick<StaffUser, 'id' | 'role' | 'sessionVersion'>) =>
    app.jwt.sign({
      sub: String(user.id),
      role: user.role,
      typ: 'access',
      sv: user.sessionVersion,
    } satisfies AccessClaims),
  );

  app.decorate('authenticate', async (request: FastifyRequest): Promise<Principal> => {
    const now = new Date();
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer +(\S+)$/i.exec(header)?.[1] : undefined;
    const headerKey = request.headers['x-api-key'];
    const apiKey =
      typeof headerKey === 'string'
        ? headerKey
        : bearer?.startsWith(API_KEY_PREFIX)
          ? bearer
          : undefined;

    if (apiKey) {
      const key = await findLiveApiKey(app.db, apiKey, now);
      if (!key) throw unauthorized('This API key is not valid or has been revoked.');
      const principal: Principal = {
        kind: 'api_key',
        id: key.id,
        name: key.name,
        role: key.role,
        actor: apiKeyActor(key),
      };
      request.principal = principal;
      const limit = await apiKeyLimit(request);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new AppError(
          429,
          'rate_limited',
          'Too many requests',
          `This API key may make ${limit.max} requests a minute.`,
          undefined,
          { 'retry-after': String(limit.ttlInSeconds) },
        );
      }
      return principal;
    }

    if (!bearer) throw unauthorized('Send an access token: `Authorization: Bearer <token>`.');
    let claims: AccessClaims;
    try {
      claims = app.jwt.verify<AccessClaims>(bearer);
    } catch (error) {
      const expired = (error as { code?: string }).code === 'FAST_JWT_EXPIRED';
      throw unauthorized(
        expired ? 'The access token has expired; refresh it.' : 'The access token is not valid.',
      );
    }
    const id = Number(claims.sub);
    if (claims.typ !== 'access' || !Number.isInteger(id))
      throw unauthorized('The access token is not valid.');

    // The account is read on every request (a primary-key lookup), so deactivating someone,
    // changing their role or ending their sessions takes effect at once, not when the token
    // expires.
    const user = await app.db.staffUser.findUnique({ where: { id } });
    if (!user || !user.active) throw unauthorized('This account can no longer sign in.');
    if (claims.sv !== user.sessionVersion) {
      throw unauthorized('This session has ended; sign in again.');
    }
    const principal: Principal = {
      kind: 'staff',
      id: user.id,
      email: user.email,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      actor: staffActor(user),
    };
    request.principal = principal;
    return principal;
  });
});
