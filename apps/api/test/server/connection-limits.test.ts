import { connect, type Socket } from 'node:net';
import type { AvailabilityEvent } from '@sevabook/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AvailabilitySource } from '../../src/availability/availability-feed.ts';
import type { Config } from '../../src/config.ts';
import { testConfig } from '../app.ts';
import { testDatabase } from '../db.ts';

/**
 * What one client can hold of a listening server, through real sockets: slow requests are cut
 * off, live-availability streams are capped per address and in total, and a stream whose reader
 * stops reading is dropped. The limits are set small here so the waits stay short.
 */

/** Live-availability events the test sends itself, instead of the database's feed. */
class TestAvailability implements AvailabilitySource {
  private readonly listeners = new Set<(event: AvailabilityEvent) => void>();
  subscribe(listener: (event: AvailabilityEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  get subscriberCount() {
    return this.listeners.size;
  }
  stop() {}
  emit(event: AvailabilityEvent) {
    for (const listener of this.listeners) listener(event);
  }
}

const event: AvailabilityEvent = {
  slotId: 1,
  sevaId: 1,
  capacity: 100,
  booked: 40,
  remaining: 60,
  status: 'open',
};

/** A raw connection that records what it receives and when the server closes it. */
interface Client {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
  isClosed: () => boolean;
  until: (text: string) => Promise<string>;
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

async function openClient(port: number, paused = false): Promise<Client> {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let data = '';
  let isClosed = false;
  const waiting: (() => void)[] = [];
  if (!paused) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      for (const wake of waiting.splice(0)) wake();
    });
  }
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      for (const wake of waiting.splice(0)) wake();
      resolve();
    }),
  );
  return {
    socket,
    received: () => data,
    closed,
    isClosed: () => isClosed,
    async until(text) {
      while (!data.includes(text) && !isClosed) await new Promise<void>((r) => waiting.push(r));
      return data;
    },
  };
}

async function openStream(port: number, paused = false, query = ''): Promise<Client> {
  const client = await openClient(port, paused);
  client.socket.write(
    `GET /api/v1/availability/stream${query} HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n`,
  );
  return client;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function suite(overrides: Partial<Config>) {
  const availability = new TestAvailability();
  let app: FastifyInstance;
  let port = 0;
  beforeAll(async () => {
    app = await buildApp(testConfig(overrides), {
      database: testDatabase(),
      logger: false,
      availability,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
  });
  return { availability, port: () => port };
}

describe('slow requests', () => {
  const server = suite({ timeouts: { requestTimeoutMs: 400, connectionTimeoutMs: 400 } });

  it('cuts off a body trickled a byte at a time, with 408, before it has all arrived', async () => {
    const client = await openClient(server.port());
    const body = JSON.stringify({ slotId: 1, devoteeName: 'Lakshmi Rao', phone: '9876543210' });
    client.socket.write(
      'POST /api/v1/bookings HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    while (sent < body.length && !client.isClosed()) {
      client.socket.write(body[sent]!);
      sent += 1;
      await pause(50);
    }
    await client.closed;
    expect(sent).toBeLessThan(body.length);
    const [head, body408] = client.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body408!)).toMatchObject({ status: 408, code: 'request_timeout' });
  });

  it('cuts off headers trickled a byte at a time', async () => {
    const client = await openClient(server.port());
    const head = 'GET /api/v1/sevas HTTP/1.1\r\nHost: test\r\nX-Padding: ' + 'a'.repeat(200);
    let sent = 0;
    while (sent < head.length && !client.isClosed()) {
      client.socket.write(head[sent]!);
      sent += 1;
      await pause(20);
    }
    await client.closed;
    expect(sent).toBeLessThan(head.length);
  });

  it('closes a connection on which nothing is sent', async () => {
    const client = await openClient(server.port());
    await client.closed;
    // Whichever comes first: the idle timeout closes it silently, the request timeout with 408.
    expect(client.received()).toMatch(/^$|^HTTP\/1\.1 408 /);
  });

  it('keeps a live-availability stream open past both timeouts', async () => {
    const stream = await openStream(server.port());
    await stream.until(': connected');
    // A connection opened after the stream, idle, is closed by the connection timeout…
    const idle = await openClient(server.port());
    await idle.closed;
    // …while the stream, idle for longer, still delivers.
    server.availability.emit(event);
    const text = await stream.until('event: slot');
    expect(stream.isClosed()).toBe(false);
    expect(text).toContain(`data: ${JSON.stringify(event)}`);
  });
});

describe('GET /api/v1/availability/stream caps', () => {
  const server = suite({ streams: { maxPerAddress: 2, maxTotal: 3, maxBufferedBytes: 4096 } });

  it('refuses a third stream from one address with 429 problem+json, and admits one again when a stream closes', async () => {
    const first = await openStream(server.port());
    const second = await openStream(server.port());
    await Promise.all([first.until(': connected'), second.until(': connected')]);

    const third = await openStream(server.port());
    const refused = await third.until('}');
    expect(refused).toMatch(/^HTTP\/1\.1 429 /);
    expect(refused).toMatch(/content-type: application\/problem\+json/i);
    expect(refused).toContain('"code":"rate_limited"');

    first.socket.destroy();
    // The server gives the place back as it lets go of the stream's listener.
    while (server.availability.subscriberCount > 1) await pause(10);
    const again = await openStream(server.port());
    expect(await again.until(': connected')).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('GET /api/v1/availability/stream total cap', () => {
  const server = suite({ streams: { maxPerAddress: 10, maxTotal: 2, maxBufferedBytes: 4096 } });

  it('refuses a stream past the process’s total with 503 problem+json', async () => {
    const streams = [await openStream(server.port()), await openStream(server.port())];
    await Promise.all(streams.map((s) => s.until(': connected')));
    const over = await openStream(server.port());
    const refused = await over.until('}');
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toContain('"code":"service_unavailable"');
  });
});

describe('a reader that stops reading', () => {
  const server = suite({ streams: { maxPerAddress: 10, maxTotal: 10, maxBufferedBytes: 16_384 } });

  it('is dropped once events queue up unsent, while a reader that keeps up stays', async () => {
    // This reader follows one seva, so it is sent little and always keeps up.
    const reading = await openStream(server.port(), false, '?sevaId=2');
    await reading.until(': connected');
    const stalled = await openStream(server.port(), true);
    while (server.availability.subscriberCount < 2) await pause(10);

    // Events until the reader that never reads has filled its socket buffers, its backlog has
    // grown past the bound and stayed there; the other reader works through each burst.
    while (server.availability.subscriberCount > 1) {
      for (let i = 0; i < 1000; i++) server.availability.emit({ ...event, booked: i % 100 });
      server.availability.emit({ ...event, sevaId: 2 });
      await pause(20);
    }
    // The server has let go of it: once it reads again, it finds its connection closed.
    stalled.socket.resume();
    await stalled.closed;
    expect(reading.isClosed()).toBe(false);
    expect(reading.received()).toContain('"sevaId":2');
  });
});
