import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth/auth-plugin.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { newApiKeySecret } from '../src/auth/api-key-secrets.ts';
import type { Db, Tx } from '../src/db/client.ts';
import type { StaffRole } from '../src/generated/prisma/client.ts';
import { appForSuite, type TestApp } from './app.ts';
import { testDatabase, testDatabaseUrl, testDb } from './db.ts';
import { uniqueSuffix } from './factories.ts';

/** Staff users, API keys and an app to sign them in to, for the staff API's tests. */

export const TEST_PASSWORD = 'correct horse battery staple';
// Random for each test process, like any secret: a constant one in the repository would be a
// key anyone could sign with.
const JWT_SECRET = randomBytes(32).toString('hex');

/** The app on this run's database, with generous login limits unless a test lowers them. */
export function buildStaffApp(
  auth: Partial<Config['auth']> = {},
  overrides: Partial<Config> = {},
): Promise<FastifyInstance> {
  const base = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET,
    SERVE_SPAS: 'false',
    NOTIFIER: 'off',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MIN: '1000',
    RATE_LIMIT_PER_IP_PER_MIN: '100000',
  });
  return buildApp(
    { ...base, ...overrides, auth: { ...base.auth, ...auth } },
    { database: testDatabase(), logger: false },
  );
}

export { JWT_SECRET as TEST_JWT_SECRET };

export interface StaffFields {
  role?: StaffRole;
  password?: string;
  active?: boolean;
  mustChangePassword?: boolean;
}

let cachedHash: Promise<string> | undefined;

export async function createStaffUser(db: Tx, fields: StaffFields = {}) {
  const password = fields.password ?? TEST_PASSWORD;
  // Hashing is slow on purpose; the common password's hash is made once per file.
  const passwordHash =
    password === TEST_PASSWORD
      ? await (cachedHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(password);
  const user = await db.staffUser.create({
    data: {
      email: `staff-${uniqueSuffix()}@test.sevabook.local`,
      name: 'Test Staff',
      role: fields.role ?? 'staff',
      passwordHash,
      active: fields.active ?? true,
      mustChangePassword: fields.mustChangePassword ?? false,
    },
  });
  return { user, password };
}

/**
 * An access token for a staff user, made as the app makes them (HS256, issuer, audience, 15
 * minutes), without a login round trip; login itself is tested in test/auth.
 */
export function accessTokenFor(
  user: { id: number; role: StaffRole; sessionVersion?: number },
  lifetimeSeconds = 900,
): string {
  const iat = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    sub: String(user.id),
    role: user.role,
    typ: 'access',
    sv: user.sessionVersion ?? 0,
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    iat,
    exp: iat + lifetimeSeconds,
  })}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}

export function bearerFor(user: { id: number; role: StaffRole }) {
  return { authorization: `Bearer ${accessTokenFor(user)}` };
}

export type StaffOfEveryRole = Awaited<ReturnType<typeof staffOfEveryRole>>;

/**
 * The staff app and one user of each role, for all the tests of a file or `describe` (see
 * appForSuite). NOTE: `staff` is filled in by `beforeAll`; read it inside tests and hooks.
 */
export function staffAppForSuite(
  auth: Partial<Config['auth']> = {},
  overrides: Partial<Config> = {},
): { app: TestApp; staff: StaffOfEveryRole } {
  const app = appForSuite(() => buildStaffApp(auth, overrides));
  const staff = {} as StaffOfEveryRole;
  beforeAll(async () => {
    Object.assign(staff, await staffOfEveryRole());
  });
  return { app, staff };
}

/** One user of each role, with their bearer headers. */
async function staffOfEveryRole(db: Db = testDb()) {
  const [admin, staff, viewer] = await Promise.all([
    createStaffUser(db, { role: 'admin' }),
    createStaffUser(db, { role: 'staff' }),
    createStaffUser(db, { role: 'viewer' }),
  ]);
  return {
    admin: { ...admin, headers: bearerFor(admin.user) },
    staff: { ...staff, headers: bearerFor(staff.user) },
    viewer: { ...viewer, headers: bearerFor(viewer.user) },
  };
}

export async function createApiKey(
  db: Tx,
  fields: { role?: StaffRole; createdById: number; revoked?: boolean },
) {
  const secret = newApiKeySecret();
  const apiKey = await db.apiKey.create({
    data: {
      name: `Test kiosk ${uniqueSuffix()}`,
      role: fields.role ?? 'staff',
      prefix: secret.prefix,
      keyHash: secret.keyHash,
      createdById: fields.createdById,
      revokedAt: fields.revoked ? new Date() : null,
    },
  });
  // The headers make the key a caller, as staffOfEveryRole's users are.
  return { apiKey, key: secret.key, headers: { 'x-api-key': secret.key } };
}
