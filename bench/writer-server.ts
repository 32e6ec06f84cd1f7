/**
 * The floor of any HTTP booking API on this machine: Fastify parsing the JSON it is sent and
 * handing each booking straight to the API's own BookingWriter (the ceiling's transactions), in
 * a process of its own like the API. No validation, no phone parsing, no manage token, no
 * idempotency, no hooks: what HTTP plus the database cost together. Started by flash-sale.ts:
 *   tsx writer-server.ts <port> <DATABASE_URL> <pool size> <file with the 201 body>
 * POST /api/v1/bookings answers 201 with the body when a place was taken, 409 when not (after
 * reading the slot, as the API and the ceiling do); GET /api/v1/slots/:id reads the slot.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { BookingWriter } from '@sevabook/api/bookings/booking-writer';
import { connectionOptions } from '@sevabook/api/db/connection-options';
import { openPool } from '@sevabook/api/db/utc-driver';
import { bookingRequest, readJudgements, type SlotJudgement } from './booking-request.ts';

const [port, databaseUrl, poolSize, bodyFile] = process.argv.slice(2);
const created = readFileSync(bodyFile!, 'utf8');
const pool = openPool({
  ...connectionOptions(databaseUrl!),
  connectionLimit: Number(poolSize),
});
const writer = new BookingWriter(pool);

// What each slot's bookings are judged by, read once per slot.
const judgements = new Map<number, Promise<SlotJudgement>>();
function judgementOf(slotId: number): Promise<SlotJudgement> {
  let judgement = judgements.get(slotId);
  if (!judgement) {
    judgement = readJudgements(pool, [slotId]).then((read) => read.get(slotId)!);
    judgements.set(slotId, judgement);
  }
  return judgement;
}

interface Body {
  slotId: number;
  devoteeName: string;
  phone: string;
  persons: number;
}

const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/api/v1/slots/:id', async (request) => {
  const [slot] = await pool.query('SELECT * FROM slot WHERE id = ?', [Number(request.params.id)]);
  return slot;
});
app.post<{ Body: Body }>('/api/v1/bookings', async (request, reply) => {
  const { slotId, devoteeName, phone, persons } = request.body;
  const { row, terms } = bookingRequest(await judgementOf(slotId), {
    devoteeName,
    phone,
    persons,
  });
  const outcome = await writer.book(row, terms);
  if (outcome.taken) return reply.code(201).type('application/json; charset=utf-8').send(created);
  await pool.query('SELECT * FROM slot WHERE id = ?', [slotId]);
  return reply.code(409).send({ code: 'slot_full' });
});
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(port) });
