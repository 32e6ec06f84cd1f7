import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema, problemSchema, sevaListSchema, sevaSchema } from '@sevabook/shared';
import { toSevaDto } from './seva-dto.ts';
import { getActiveSeva, listActiveSevas, nextOpenDates } from './seva-queries.ts';

const sevaRoutes: FastifyPluginAsyncZod = async (app) => {
  const tz = app.config.templeTimeZone;
  // Without RAZORPAY_KEY_ID every seva is paid at the counter, and shown so.
  const online = app.config.razorpay !== undefined;

  app.get(
    '/sevas',
    {
      schema: {
        tags: ['sevas'],
        summary: 'Active sevas, with the next dates that have places',
        response: { 200: sevaListSchema },
      },
    },
    async () => {
      const sevas = await listActiveSevas(app.db);
      const dates = await nextOpenDates(app.db, sevas, new Date(), tz);
      return { items: sevas.map((s) => toSevaDto(s, dates.get(s.id) ?? [], online)) };
    },
  );

  app.get(
    '/sevas/:id',
    {
      schema: {
        tags: ['sevas'],
        summary: 'One active seva',
        params: idParamSchema,
        response: { 200: sevaSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const seva = await getActiveSeva(app.db, request.params.id);
      const dates = await nextOpenDates(app.db, [seva], new Date(), tz);
      return toSevaDto(seva, dates.get(seva.id) ?? [], online);
    },
  );
};

export default sevaRoutes;
