import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { templeSchema } from '@sevabook/shared';

/** The temple itself: its name for the top of every page, and the zone its dates are in. */
const templeRoutes: FastifyPluginAsyncZod = async (app) => {
  const temple = {
    name: app.config.templeName,
    timeZone: app.config.templeTimeZone,
    personalDataRetentionDays: app.config.personalDataRetentionDays,
  };
  app.get(
    '/temple',
    {
      schema: {
        tags: ['sevas'],
        summary: 'The temple’s name and time zone',
        response: { 200: templeSchema },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=300');
      return temple;
    },
  );
};

export default templeRoutes;
