import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminNotificationPageSchema,
  adminNotificationSchema,
  idParamSchema,
  notificationQuerySchema,
  problemSchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize } from '../../auth/authorize.ts';
import { listNotifications, retryNotification } from '../../notifications/staff-notifications.ts';
import { authProblems, staffSecurity } from '../security.ts';

/** The outbox as staff see it: which messages went out, which failed, and sending one again. */
const adminNotificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tags = ['admin: notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'WhatsApp messages, newest first; filter by status, kind or booking',
        security: staffSecurity,
        querystring: notificationQuerySchema,
        response: { 200: adminNotificationPageSchema, ...authProblems },
      },
    },
    async (request) => listNotifications(app.db, request.query),
  );

  app.post(
    '/notifications/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed or dead message again',
        security: staffSecurity,
        params: idParamSchema,
        response: {
          200: adminNotificationSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => retryNotification(app.db, request.params.id),
  );
};

export default adminNotificationRoutes;
