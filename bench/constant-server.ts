/**
 * The read path's yardstick: Fastify with nothing but one route answering a constant body (the
 * API's own answer, read once), in a process of its own like the API. Started by read-path.ts:
 *   tsx constant-server.ts <port> <file with the body>
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, bodyFile] = process.argv.slice(2);
const body = readFileSync(bodyFile!, 'utf8');
const app = Fastify({ logger: false });
app.get('/api/v1/slots', async (_request, reply) =>
  reply.type('application/json; charset=utf-8').send(body),
);
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(port) });
