import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminScheduleListSchema,
  createScheduleSchema,
  idParamSchema,
  problemSchema,
  scheduleChangeSchema,
  updateScheduleSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, ALL_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { notFound } from '../../errors.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { createSchedule, toAdminScheduleDto, updateSchedule } from './schedule-admin.ts';

const sevaIdParamSchema = z.object({ sevaId: z.coerce.number().int().positive() });

/** Recurring schedules of a seva; changing one re-makes its future unbooked slots. */
const adminScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: ADMIN_ONLY }));
  const tags = ['admin: sevas and slots'];
  const horizon = () => ({
    timeZone: app.config.templeTimeZone,
    horizonDays: app.config.slotHorizonDays,
  });

  app.get(
    '/sevas/:sevaId/schedules',
    {
      schema: {
        tags,
        summary: 'A seva’s schedules',
        security: staffSecurity,
        params: sevaIdParamSchema,
        response: { 200: adminScheduleListSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const seva = await app.db.seva.findUnique({
        where: { id: request.params.sevaId },
        include: { schedules: { orderBy: { id: 'asc' } } },
      });
      if (!seva) throw notFound(`There is no seva ${request.params.sevaId}.`);
      return { items: seva.schedules.map(toAdminScheduleDto) };
    },
  );

  app.post(
    '/sevas/:sevaId/schedules',
    {
      schema: {
        tags,
        summary: 'Add a recurring schedule to a seva (admin); its slots are made at once',
        security: staffSecurity,
        params: sevaIdParamSchema,
        body: createScheduleSchema,
        response: { 201: scheduleChangeSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const result = await createSchedule(
        app.db,
        request.params.sevaId,
        request.body,
        principalOf(request).actor,
        horizon(),
      );
      void reply.code(201);
      return result;
    },
  );

  app.patch(
    '/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Change a schedule (admin); future unbooked slots are re-made, booked ones kept',
        security: staffSecurity,
        params: idParamSchema,
        body: updateScheduleSchema,
        response: { 200: scheduleChangeSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) =>
      updateSchedule(
        app.db,
        request.params.id,
        request.body,
        principalOf(request).actor,
        horizon(),
      ),
  );
};

export default adminScheduleRoutes;
