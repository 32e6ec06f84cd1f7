import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  closingImpactQuerySchema,
  closingImpactSchema,
  idParamSchema,
  problemSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, authorize } from '../../auth/authorize.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { impactOfClosingDate, impactOfClosingSlot } from './closing-impact.ts';

/**
 * Before a date or a slot is closed, the admin screen asks what it would cancel and says so.
 * Only those who may close (admins) ask: the counts are part of closing, not of reading the day.
 */
const closingImpactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ADMIN_ONLY, write: ADMIN_ONLY }));
  const tags = ['admin: sevas and slots'];
  const tz = app.config.templeTimeZone;

  app.get(
    '/closed-dates/impact',
    {
      schema: {
        tags,
        summary: 'What closing a date would cancel (admin); changes nothing',
        security: staffSecurity,
        querystring: closingImpactQuerySchema,
        response: { 200: closingImpactSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => impactOfClosingDate(app.db, request.query, tz),
  );

  app.get(
    '/slots/:id/impact',
    {
      schema: {
        tags,
        summary: 'What closing or cancelling a slot would cancel (admin); changes nothing',
        security: staffSecurity,
        params: idParamSchema,
        response: { 200: closingImpactSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => impactOfClosingSlot(app.db, request.params.id),
  );
};

export default closingImpactRoutes;
