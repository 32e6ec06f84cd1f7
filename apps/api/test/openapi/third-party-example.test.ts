import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../app.ts';
import { testDb } from '../db.ts';
import { createSeva, createSlot } from '../factories.ts';

/**
 * examples/third-party: another program booking through the API with a client generated from
 * the document the API serves. Its types are generated here from the served document (they are
 * not committed, so they are never out of date), it must compile against them with
 * `tsc --strict`, and, run against a real API over HTTP, it books, looks up, downloads the
 * calendar file and cancels.
 */
const run = promisify(execFile);
const example = fileURLToPath(new URL('../../../../examples/third-party/', import.meta.url));
const bin = (name: string) => join(example, 'node_modules', '.bin', name);
const GENERATED = join(example, 'src', 'generated', 'sevabook-api.ts');

let app: FastifyInstance;
let baseUrl = '';

beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('the third-party example', () => {
  it('gets its types from the served document with openapi-typescript', async () => {
    await rm(GENERATED, { force: true });
    await run(bin('openapi-typescript'), [`${baseUrl}/api/v1/openapi.json`, '-o', GENERATED], {
      cwd: example,
    });
    const types = await readFile(GENERATED, 'utf8');
    for (const operationId of ['listSlots', 'createBooking', 'getBooking', 'cancelBooking'])
      expect(types).toContain(`${operationId}: {`);
  }, 60_000);

  it('compiles with tsc --strict against them', async () => {
    const result = await run(bin('tsc'), ['-p', 'tsconfig.json', '--strict'], { cwd: example })
      .then(() => '')
      .catch((error: Error & { stdout?: string }) => error.stdout || error.message);
    expect(result).toBe('');
  }, 120_000);

  it('books, looks up, downloads the calendar file and cancels through the API', async () => {
    const seva = await createSeva(testDb());
    const slot = await createSlot(testDb(), { sevaId: seva.id });
    const { stdout } = await run(bin('tsx'), ['src/book-and-cancel.ts'], {
      cwd: example,
      env: { ...process.env, SEVABOOK_API_URL: baseUrl, SEVA_ID: String(seva.id) },
    });
    const outcome = JSON.parse(stdout) as Record<string, unknown>;
    expect(outcome).toMatchObject({
      slotId: slot.id,
      bookedStatus: 'confirmed',
      calendarEvent: true,
      cancelledStatus: 'cancelled',
    });
    const stored = await testDb().booking.findUniqueOrThrow({
      where: { reference: outcome.reference as string },
    });
    expect(stored).toMatchObject({ slotId: slot.id, status: 'cancelled', source: 'web' });
    expect((await testDb().slot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(0);
  }, 60_000);
});
