import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '@sevabook/shared';
import { AppError } from '../errors.ts';

const READY_TIMEOUT_MS = 2_000;

/** /healthz: the process is up. /readyz: it can reach its database, so send it traffic. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // /readyz asks the database each time: anyone could otherwise keep it busy from outside.
  // /healthz does no work, and a load balancer may call it as often as it likes.
  await app.register(rateLimit, app.publicRateLimit('operations'));

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process can reach its database',
        response: { 200: z.object({ status: z.literal('ready') }), 503: problemSchema },
      },
    },
    async () => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref(),
      );
      try {
        await Promise.race([app.db.$queryRaw`SELECT 1`, timeout]);
        return { status: 'ready' as const };
      } catch {
        throw new AppError(
          503,
          'service_unavailable',
          'Not ready',
          'The database is not reachable.',
        );
      }
    },
  );
};

export default healthRoutes;
