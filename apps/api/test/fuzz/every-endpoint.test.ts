import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { openConnection } from '../../src/db/utc-driver.ts';
import { createScratchDatabase, openTestDatabase, type ScratchDatabase } from '../db.ts';
import { createSeva, createSlot, uniquePhone } from '../factories.ts';
import { accessTokenFor, createStaffUser, TEST_JWT_SECRET } from '../staff-factories.ts';
import { DocumentedResponses } from './documented-responses.ts';
import {
  endpointsOf,
  requestsFor,
  type GeneratedRequest,
  type OpenApiDocument,
} from './openapi-requests.ts';

/**
 * Property-based fuzzing of every operation in the OpenAPI document the API serves, with a
 * staff token most of the time so requests get past sign-in to the validation behind it.
 * For every generated request: never a 5xx; security headers; no stack trace or SQL; a 4xx is
 * problem+json and changes no row anywhere in the database (checked with CHECKSUM TABLE over
 * every table); and every answer's status and media type are documented for its operation, its
 * body fitting the schema documented for them (what a client generated from the document
 * relies on). The app has a database of its own, so no other test's writes interfere.
 */

const FULL = process.env.FUZZ_FULL === '1';
const RUNS_PER_ENDPOINT = FULL ? 400 : 60;
/** Never ends by itself; covered by test/availability. */
const SKIPPED = new Set(['GET /api/v1/availability/stream']);
const LEAK =
  /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\bSELECT\s|INSERT\s+INTO|UPDATE\s+`?\w+`?\s+SET|sqlMessage|Prisma|\bER_[A-Z_]{3,}/;

let scratch: ScratchDatabase;
let database: Database;
let db: Db;
let conn: Connection;
let app: FastifyInstance;
let tables: string[];
let doc: OpenApiDocument;
let documented: DocumentedResponses;
const ids = { numbers: [1, 2, 3], references: ['SB-AAAAAA'], tokens: ['not-a-token'] };
let bearer = '';
let adminId = 0;
let count = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  scratch = await createScratchDatabase();
  database = openTestDatabase(scratch.url, 4);
  db = database.prisma;
  conn = await openConnection(connectionOptions(scratch.url));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: scratch.url,
    JWT_SECRET: TEST_JWT_SECRET,
    SERVE_SPAS: 'false',
    NOTIFIER: 'off',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_IP_PER_MIN: '100000000',
    LOGIN_RATE_LIMIT_PER_MIN: '100000000',
    CORS_ORIGINS: 'https://temple.example',
  });
  app = await buildApp(config, { database, logger: false });
  await app.ready();

  const seva = await createSeva(db, { asksGotra: true, maxPersonsPerBooking: 4 });
  const slots = await Promise.all(
    [1, 2, 3].map(() => createSlot(db, { sevaId: seva.id, capacity: 50 })),
  );
  for (const slot of slots) {
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { slotId: slot.id, devoteeName: 'Fuzz Devotee', phone: uniquePhone(), persons: 1 },
    });
    const body = made.json<{ reference: string; manageToken: string }>();
    ids.references.push(body.reference);
    ids.tokens.push(body.manageToken);
  }
  // Someone for PATCH /admin/users/{id} to change, and the admin the requests come from, whose
  // id is kept out of the generated ids so a fuzzed request cannot lock the fuzzer out.
  await createStaffUser(db, { role: 'staff' });
  const { user } = await createStaffUser(db, { role: 'admin' });
  adminId = user.id;
  bearer = accessTokenFor(user, 3_600);
  ids.numbers = [...new Set([seva.id, ...slots.map((s) => s.id), 1, 2, 3, 4])].filter(
    (n) => n !== adminId,
  );

  doc = (await app.inject('/api/v1/openapi.json')).json<OpenApiDocument>();
  documented = new DocumentedResponses(doc);
  // NOTE: a 401 for a wrong password does write, on purpose: sign_in_failure counts it towards
  // the address's wait (auth/sign-in-backoff.ts). Every other table must stay as it was.
  const rows = await conn.query<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN ('_prisma_migrations', 'sign_in_failure')",
  );
  tables = rows.map((r) => r.name);
}, 120_000);

afterAll(async () => {
  console.info(
    `fuzzed ${count} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
  await app?.close();
  await conn?.end();
  await database?.close();
  await scratch?.drop();
});

async function fingerprint(): Promise<string> {
  const rows = await conn.query<{ Table: string; Checksum: bigint | number | null }[]>(
    `CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`,
  );
  return rows.map((r) => `${r.Table}:${String(r.Checksum)}`).join(',');
}

async function send(request: GeneratedRequest) {
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  count++;
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  return response;
}

describe('every endpoint of the OpenAPI document, fuzzed', () => {
  it(
    'never answers 5xx or anything undocumented, always sends security headers, never leaks internals, and changes nothing on a 4xx',
    async () => {
      const endpoints = endpointsOf(doc).filter((e) => !SKIPPED.has(`${e.method} ${e.path}`));
      expect(endpoints.length).toBeGreaterThan(30);
      let baseline = await fingerprint();

      for (const endpoint of endpoints) {
        const arbitrary = requestsFor(doc, endpoint, ids, bearer).filter(
          (r) => !(r.url.startsWith('/api/v1/admin/users/') && r.url.includes(`/${adminId}`)),
        );
        await fc.assert(
          fc.asyncProperty(arbitrary, async (request) => {
            const response = await send(request);
            const where = `${request.method} ${request.url} ${request.payload ?? ''}`.slice(0, 400);
            expect(response.statusCode, `${where}\n${response.body.slice(0, 400)}`).toBeLessThan(
              500,
            );
            expect(response.headers['x-content-type-options'], where).toBe('nosniff');
            const undocumented = documented.check(request.method, endpoint.path, response);
            expect(undocumented, `${where}\n${response.body.slice(0, 400)}`).toBeUndefined();
            expect(response.headers['content-security-policy'], where).toBeDefined();
            if (!request.url.includes('.ics')) expect(response.body, where).not.toMatch(LEAK);
            if (response.statusCode >= 400) {
              expect(response.headers['content-type'], where).toContain('application/problem+json');
              if (request.method !== 'GET')
                expect(await fingerprint(), `a ${response.statusCode} changed rows: ${where}`).toBe(
                  baseline,
                );
            } else {
              // A successful read may write too: bookings searches and day sheets are recorded.
              baseline = await fingerprint();
            }
          }),
          { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
        );
      }
      // GETs never change anything, whatever they answered.
      expect(await fingerprint()).toBe(baseline);
      expect(count).toBeGreaterThanOrEqual(endpoints.length * RUNS_PER_ENDPOINT);
    },
    FULL ? 1_200_000 : 300_000,
  );
});
