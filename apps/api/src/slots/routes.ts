import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type SlotQuery,
  idParamSchema,
  problemSchema,
  slotListSchema,
  slotQuerySchema,
  slotSchema,
} from '@sevabook/shared';
import { notFound } from '../errors.ts';
import { toSlotDto } from './slot-dto.ts';
import { listSlots } from './slot-queries.ts';

const slotRoutes: FastifyPluginAsyncZod = async (app) => {
  const tz = app.config.templeTimeZone;
  // The week's list is re-sent while its rows are unchanged (slot-list-cache.ts).
  const cache = app.database.slotLists;
  // Slots read for devotees are remembered for judging their bookings (slot-facts.ts).
  const facts = app.database.slotFacts;
  const read = async (query: SlotQuery) => {
    const slots = await listSlots(app.db, query, tz);
    for (const slot of slots) facts.remember(slot);
    return slots;
  };
  const freshList = async (query: SlotQuery, now: Date) => ({
    items: (await read(query)).map((slot) => toSlotDto(slot, now, tz)),
  });

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
    async (request, reply) => {
      const now = new Date();
      const { body, digest } = await cache.lookup(request.query, now);
      const text =
        body ?? cache.store(request.query, digest, await freshList(request.query, now), now);
      // NOTE: Fastify sends a string with a JSON content type as it is, without the response
      // serializer; the cached text was checked against slotListSchema when it was made.
      return reply.type('application/json; charset=utf-8').send(text as never);
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
    async (request) => {
      // A flash sale's devotees all open the same booking page: requests that arrive while the
      // slot is being read share the next read, so the page costs about one read per round trip.
      const slot = await facts.fresh(request.params.id);
      if (!slot) throw notFound(`There is no slot ${request.params.id}.`);
      return toSlotDto(slot, new Date(), tz);
    },
  );
};

export default slotRoutes;
