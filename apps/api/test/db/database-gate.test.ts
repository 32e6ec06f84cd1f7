import { connect, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { connectionOptions } from '../../src/db/connection-options.ts';
import { DatabaseGate } from '../../src/db/database-gate.ts';
import { isDatabaseUnavailable } from '../../src/db/db-errors.ts';
import { openConnection } from '../../src/db/utc-driver.ts';
import { testConfig } from '../app.ts';
import { testDatabase, testDatabaseUrl, testDb } from '../db.ts';

/**
 * Only the database going away may close the database gate (db/database-gate.ts), since a
 * closed gate answers 503 to everyone: a client that misbehaves is answered on its own and every
 * other request goes on being served.
 */

let app: FastifyInstance;
let port: number;
/** Errors the app's error handling has been given, in order. */
const handled: Error[] = [];

beforeAll(async () => {
  app = await buildApp(testConfig(), { database: testDatabase(), logger: false });
  app.addHook('onError', async (_request, _reply, error) => {
    handled.push(error);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.close();
});

const booking = JSON.stringify({
  slotId: 1,
  devoteeName: 'Half Sent',
  phone: '+919845012345',
  persons: 1,
});

/** Writes `text` on a raw socket to the listening app; `then` decides how the client leaves. */
async function send(text: string, then: 'drop' | 'half-close'): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(text);
  // The server has the request and is reading its body when the client goes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (then === 'drop') socket.destroy();
  else socket.end();
}

function bookingHead(length: number): string {
  return (
    'POST /api/v1/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`
  );
}

/** Waits until the app has been given one more error than `before`, and has handled it. */
async function handledAfter(before: number): Promise<Error> {
  for (let i = 0; i < 250 && handled.length <= before; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const error = handled[before];
  if (!error) throw new Error('The app was never given the request’s error');
  // The error handler runs right after the onError hooks, and a reachability check it starts
  // takes a round trip to the server: give both time to finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return error;
}

async function everyoneIsServed(): Promise<void> {
  expect(app.database.gate.isOpen).toBe(true);
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/sevas`);
    expect(response.status).toBe(200);
  }
}

describe('a client that misbehaves', () => {
  it('sends half a booking body and drops the connection: everyone else is still served', async () => {
    const before = handled.length;
    await send(bookingHead(booking.length) + booking.slice(0, booking.length / 2), 'drop');

    const error = await handledAfter(before);
    expect(error.message).toBe('aborted');
    // Node says ECONNRESET for it, as the driver does for a database connection reset.
    expect(isDatabaseUnavailable(error)).toBe(false);
    await everyoneIsServed();
  });

  it('sends half a booking body and closes its side: everyone else is still served', async () => {
    const before = handled.length;
    await send(bookingHead(booking.length) + booking.slice(0, booking.length / 2), 'half-close');

    await handledAfter(before);
    await everyoneIsServed();
  });

  it('sends a malformed body and drops the connection: everyone else is still served', async () => {
    const body = '{"slotId": 1, "devoteeName": ';
    const before = handled.length;
    await send(bookingHead(body.length) + body, 'drop');

    await handledAfter(before);
    await everyoneIsServed();
  });
});

describe('the gate itself', () => {
  const url = testDatabaseUrl();
  const probe = () => testDb().$queryRaw`SELECT 1`;
  const log = pino({ level: 'silent' });
  const connectTo = (databaseUrl: string) => async () => {
    const conn = await openConnection({ ...connectionOptions(databaseUrl), connectTimeout: 500 });
    await conn.end();
  };

  it('stays open when a request met a database failure but the server answers', async () => {
    const gate = new DatabaseGate(probe, log, connectTo(url));
    await gate.suspect();
    expect(gate.isOpen).toBe(true);
  });

  it('closes when the server does not answer on a connection of its own', async () => {
    // Nothing listens on port 1.
    const away = new URL(url);
    away.hostname = '127.0.0.1';
    away.port = '1';
    away.searchParams.delete('socket');
    const gate = new DatabaseGate(probe, log, connectTo(away.toString()));
    await gate.suspect();
    expect(gate.isOpen).toBe(false);
    // And the driver's own error for it counts as the database being away.
    const refused = await connectTo(away.toString())().catch((error: unknown) => error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });
});
