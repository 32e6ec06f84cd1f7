import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '@sevabook/shared';
import { AppError } from '../errors.ts';
import { securityHeaders } from '../plugins/security.ts';
import { StreamLimits } from './stream-limits.ts';

const HEARTBEAT_MS = 15_000;
/** How long a reader has to work through a backlog above the bound before it is dropped. */
const BACKLOG_GRACE_MS = 2_000;

const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { maxPerAddress, maxTotal, maxBufferedBytes } = app.config.streams;
  const limits = new StreamLimits({ maxPerAddress, maxTotal });
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
        response: {
          200: z.string().describe('text/event-stream of AvailabilityEvent'),
          429: problemSchema.describe('Too many streams from this address (SSE_MAX_PER_IP)'),
          503: problemSchema.describe(
            'This process holds as many streams as it may (SSE_MAX_TOTAL)',
          ),
        },
      },
    },
    (request, reply) => {
      const { sevaId } = request.query;
      const release = limits.admit(request.ip);
      if (release === 'address_full') {
        throw new AppError(
          429,
          'rate_limited',
          'Too many live streams',
          'Too many live-availability streams are open from your network; close a tab or try again shortly.',
          undefined,
          { 'retry-after': '30' },
        );
      }
      if (release === 'process_full') {
        throw new AppError(
          503,
          'service_unavailable',
          'Live updates are full',
          'The server holds as many live-availability streams as it can; the page still works without them.',
          undefined,
          { 'retry-after': '30' },
        );
      }
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
      // The stream is meant to stay open: the idle-connection timeout is for other requests.
      request.raw.socket.setTimeout(0);
      const releasePlace = release;
      let unsubscribe = () => {};
      // (`send` is defined below; the first beat comes long after.)
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      let backlogCheck: NodeJS.Timeout | undefined;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(backlogCheck);
        unsubscribe();
        releasePlace();
        open.delete(end);
        res.end();
      };
      // A reader that stops reading (a phone gone to sleep, or someone holding sockets open on
      // purpose) would have every event queued in this process's memory for it. A busy moment
      // (a date closed, many slots at once) may put more than SSE_MAX_BUFFERED_BYTES in the
      // queue of any reader; one that is still above it BACKLOG_GRACE_MS later is not keeping
      // up and is dropped. EventSource reconnects on its own.
      const checkBacklog = () => {
        backlogCheck = undefined;
        if (res.writableLength <= maxBufferedBytes) return;
        request.log.info(
          { buffered: res.writableLength },
          'availability stream dropped: the reader is not reading',
        );
        end();
        res.destroy();
      };
      const send = (text: string) => {
        if (ended) return;
        res.write(text);
        if (res.writableLength > maxBufferedBytes && !backlogCheck) {
          backlogCheck = setTimeout(checkBacklog, BACKLOG_GRACE_MS);
        }
      };
      send('retry: 3000\n: connected\n\n');
      unsubscribe = app.availability.subscribe((event) => {
        if (sevaId === undefined || event.sevaId === sevaId) {
          send(`event: slot\ndata: ${JSON.stringify(event)}\n\n`);
        }
      });
      open.add(end);
      request.raw.on('close', end);
    },
  );
};

export default availabilityRoutes;
