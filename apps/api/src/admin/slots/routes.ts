import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addDaysToDate,
  adminSlotListSchema,
  adminSlotQuerySchema,
  adminSlotSchema,
  createSlotSchema,
  idParamSchema,
  problemSchema,
  slotChangeSchema,
  startOfTempleDay,
  updateSlotSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, ALL_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { createExtraSlot, toAdminSlotDto, updateSlot } from './slot-admin.ts';

/** Slots as staff manage them: list any status, add extra slots, change capacity, close, cancel. */
const adminSlotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: ADMIN_ONLY }));
  const tags = ['admin: sevas and slots'];
  const tz = app.config.templeTimeZone;

  app.get(
    '/slots',
    {
      schema: {
        tags,
        summary: 'Slots of any status in a date range (temple dates)',
        security: staffSecurity,
        querystring: adminSlotQuerySchema,
        response: { 200: adminSlotListSchema, ...authProblems },
      },
    },
    async (request) => {
      const { from, to, sevaId } = request.query;
      const slots = await app.db.slot.findMany({
        where: {
          startsAt: {
            gte: startOfTempleDay(from, tz),
            lt: startOfTempleDay(addDaysToDate(to, 1), tz),
          },
          ...(sevaId ? { sevaId } : {}),
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: 5_000,
      });
      return { items: slots.map((s) => toAdminSlotDto(s, tz)) };
    },
  );

  app.post(
    '/slots',
    {
      schema: {
        tags,
        summary: 'Add an extra one-off slot (admin)',
        security: staffSecurity,
        body: createSlotSchema,
        response: { 201: adminSlotSchema, 404: problemSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const slot = await createExtraSlot(app.db, request.body, principalOf(request).actor, tz);
      void reply.code(201);
      return toAdminSlotDto(slot, tz);
    },
  );

  app.patch(
    '/slots/:id',
    {
      schema: {
        tags,
        summary: 'Change a slot’s capacity, note or status (admin)',
        description:
          'Capacity below the places booked answers 409 capacity_below_booked. Status closed or cancelled ' +
          'cancels the slot’s bookings and queues one cancellation message each, in one transaction.',
        security: staffSecurity,
        params: idParamSchema,
        body: updateSlotSchema,
        response: {
          200: slotChangeSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const { slot, bookingsCancelled } = await updateSlot(
        app.db,
        request.params.id,
        request.body,
        principalOf(request).actor,
      );
      return { slot: toAdminSlotDto(slot, tz), bookingsCancelled };
    },
  );
};

export default adminSlotRoutes;
