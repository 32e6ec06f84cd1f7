import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { securityHeaders } from '../plugins/security.ts';

const HEARTBEAT_MS = 15_000;

const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of open) end();
  });

  app.get(
    '/availability/stream',
    {
      schema: {
        tags: ['availability'],
        summary: 'Server-Sent Events: places left whenever a slot changes',
        description:
          'Each event is named `slot` and carries an AvailabilityEvent as JSON. Comments keep the ' +
          'connection alive; reconnect with the browser’s EventSource.',
        querystring: z.object({ sevaId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.string().describe('text/event-stream of AvailabilityEvent') },
      },
    },
    (request, reply) => {
      const { sevaId } = request.query;
      reply.hijack();
      const res = reply.raw;
      // The reply is hijacked, so the headers set on it are not sent: set them here.
      res.writeHead(200, {
        ...securityHeaders,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      res.write('retry: 3000\n: connected\n\n');
      const unsubscribe = app.availability.subscribe((event) => {
        if (sevaId === undefined || event.sevaId === sevaId) {
          res.write(`event: slot\ndata: ${JSON.stringify(event)}\n\n`);
        }
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
};

export default availabilityRoutes;
