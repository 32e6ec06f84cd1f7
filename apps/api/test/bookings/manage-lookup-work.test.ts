import type { FastifyInstance } from 'fastify';
import type { Pool } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import type { Db } from '../../src/db/client.ts';
import type { Database } from '../../src/db/database.ts';
import { testConfig } from '../app.ts';
import { openTestDatabase, testDatabaseUrl } from '../db.ts';
import { createBooking, createSlot } from '../factories.ts';

/**
 * Someone guessing references must not learn which exist from how long a wrong token takes to
 * answer. Time is not asserted (it is noise on a shared machine); the work is: an unknown
 * reference and a known one with a wrong token send the same statements to the database and
 * hash and compare one token each.
 */
describe('GET /api/v1/bookings/{reference} with a wrong token', () => {
  let database: Database;
  let db: Db;
  let app: FastifyInstance;
  const statements: string[] = [];

  beforeAll(async () => {
    // A client of its own, so the statements counted are this app's alone.
    database = openTestDatabase(testDatabaseUrl(), 2);
    db = database.prisma;
    const { pool } = database;
    const query = pool.query.bind(pool);
    pool.query = ((sql: string | { sql: string }, values?: unknown) => {
      statements.push(typeof sql === 'string' ? sql : sql.sql);
      return query(sql, values);
    }) as Pool['query'];
    app = await buildApp(testConfig(), { database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** The statements and token hashes one lookup costs, and its answer. */
  async function lookUp(reference: string, token: string) {
    statements.length = 0;
    const hash = vi.spyOn(ManageTokens, 'hash');
    const res = await app.inject({
      url: `/api/v1/bookings/${reference}`,
      headers: { 'x-booking-token': token },
    });
    const work = { statements: [...statements], hashes: hash.mock.calls.length };
    hash.mockRestore();
    return {
      status: res.statusCode,
      body: res.json<{ code: string; detail: string; instance: string }>(),
      work,
    };
  }

  it('does the same work for an unknown reference as for a wrong token, and answers alike', async () => {
    const slot = await createSlot(db);
    const { booking, manageToken } = await createBooking(db, { slotId: slot.id });
    const wrongToken = `${manageToken.slice(0, -2)}xx`;

    const known = await lookUp(booking.reference, wrongToken);
    const unknown = await lookUp('SB-3333ZZ', wrongToken);

    expect(known.status).toBe(404);
    expect(unknown.status).toBe(404);
    const { instance: _a, ...unknownProblem } = unknown.body;
    const { instance: _b, ...knownProblem } = known.body;
    expect(unknownProblem).toEqual(knownProblem);
    expect(known.work.hashes).toBe(1);
    expect(unknown.work).toEqual(known.work);
  });

  it('still shows the booking to the right token', async () => {
    const slot = await createSlot(db);
    const { booking, manageToken } = await createBooking(db, { slotId: slot.id });
    const right = await lookUp(booking.reference, manageToken);
    expect(right.status).toBe(200);
  });
});
