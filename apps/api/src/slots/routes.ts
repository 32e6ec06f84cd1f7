import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema, problemSchema, slotListSchema, slotQuerySchema, slotSchema } from '@sevabook/shared';
import { toSlotDto } from './slot-dto.ts';
import { getSlot, listSlots } from './slot-queries.ts';

const slotRoutes: FastifyPluginAsyncZod = async (app) => {
  const tz = app.config.templeTimeZone;

  app.get(
    '/slots',
    {
      schema: {
        tags: ['slots'],
        summary: 'Slots in a date range (temple time zone), with places left',
        querystring: slotQuerySchema,
        response: { 200: slotListSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const slots = await listSlots(app.db, request.query, tz);
      const now = new Date();
      return { items: slots.map((slot) => toSlotDto(slot, now, tz)) };
    },
  );

  app.get(
    '/slots/:id',
    {
      schema: {
        tags: ['slots'],
        summary: 'One slot',
        params: idParamSchema,
        response: { 200: slotSchema, 404: problemSchema },
      },
    },
    async (request) => toSlotDto(await getSlot(app.db, request.params.id), new Date(), tz),
  );
};

export default slotRoutes;
