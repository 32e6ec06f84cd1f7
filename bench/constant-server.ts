/**
 * The yardsticks of HTTP alone: Fastify with nothing but a route answering a constant body (the
 * API's own answer, read once), in a process of its own like the API. Started by read-path.ts
 * and flash-sale.ts:
 *   tsx constant-server.ts <port> <file with the body> [places]
 * GET /api/v1/slots and /api/v1/slots/:id answer the body; POST /api/v1/bookings parses the
 * JSON it is sent and answers 201 with the body while `places` last, then 409, counting in memory.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

const [port, bodyFile, placesArg] = process.argv.slice(2);
const body = readFileSync(bodyFile!, 'utf8');
const app = Fastify({ logger: false });
const sendBody = async (_request: FastifyRequest, reply: FastifyReply) =>
  reply.type('application/json; charset=utf-8').send(body);
app.get('/api/v1/slots', sendBody);
app.get('/api/v1/slots/:id', sendBody);
let places = Number(placesArg ?? 0);
app.post('/api/v1/bookings', async (request, reply) => {
  if (typeof request.body !== 'object') return reply.code(400).send();
  if (places <= 0) return reply.code(409).send({ code: 'slot_full' });
  places -= 1;
  return reply.code(201).type('application/json; charset=utf-8').send(body);
});
app.post('/places', async (request) => {
  places = Number(request.body);
  return { places };
});
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(port) });
