import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  closedDateChangeSchema,
  closedDateListSchema,
  closedDateQuerySchema,
  createClosedDateSchema,
  dateColumnValue,
  idParamSchema,
  problemSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, ALL_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { materialiseSlots } from '../../slots/materialise.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { createClosedDate, deleteClosedDate, toClosedDateDto } from './closed-date-admin.ts';

/** Dates on which the temple, or one seva, makes no slots (festivals, eclipses). */
const adminClosedDateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: ADMIN_ONLY }));
  const tags = ['admin: sevas and slots'];
  const tz = app.config.templeTimeZone;

  app.get(
    '/closed-dates',
    {
      schema: {
        tags,
        summary: 'Closed dates',
        security: staffSecurity,
        querystring: closedDateQuerySchema,
        response: { 200: closedDateListSchema, ...authProblems },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const rows = await app.db.closedDate.findMany({
        where: {
          date: {
            ...(from ? { gte: dateColumnValue(from) } : {}),
            ...(to ? { lte: dateColumnValue(to) } : {}),
          },
        },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        take: 1_000,
      });
      return { items: rows.map(toClosedDateDto) };
    },
  );

  app.post(
    '/closed-dates',
    {
      schema: {
        tags,
        summary: 'Close a date for one seva or the whole temple (admin)',
        description:
          'Slots already made for that date are cancelled, and their bookings with them (one message each).',
        security: staffSecurity,
        body: createClosedDateSchema,
        response: { 201: closedDateChangeSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const result = await createClosedDate(app.db, request.body, principalOf(request).actor, tz);
      void reply.code(201);
      return result;
    },
  );

  app.delete(
    '/closed-dates/:id',
    {
      schema: {
        tags,
        summary: 'Reopen a closed date (admin); slots it cancelled stay cancelled',
        security: staffSecurity,
        params: idParamSchema,
        response: { 204: z.null().describe('Reopened'), 404: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      await deleteClosedDate(app.db, request.params.id, principalOf(request).actor);
      await materialiseSlots(app.db, { timeZone: tz, horizonDays: app.config.slotHorizonDays });
      return reply.code(204).send(null);
    },
  );
};

export default adminClosedDateRoutes;
