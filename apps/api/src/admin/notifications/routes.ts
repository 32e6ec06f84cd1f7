import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminNotificationPageSchema,
  adminNotificationSchema,
  idParamSchema,
  notificationQuerySchema,
  outboxHealthSchema,
  problemSchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { outboxHealth } from '../../notifications/outbox-health.ts';
import { listNotifications, retryNotification } from '../../notifications/staff-notifications.ts';
import { contactAsSeenBy, errorTextAsSeenBy } from '../../privacy/viewer-view.ts';
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
    async (request) => {
      const principal = principalOf(request);
      // NOTE: not audited as a bulk read: the admin site polls this list every few seconds,
      // and it holds a name and number per message, not a day's devotees.
      const page = await listNotifications(app.db, request.query);
      return {
        ...page,
        items: page.items.map((item) => ({
          ...item,
          lastError: errorTextAsSeenBy(principal, item.lastError),
          booking: contactAsSeenBy(principal, item.booking),
        })),
      };
    },
  );

  app.get(
    '/notifications/health',
    {
      schema: {
        tags,
        summary:
          'Whether WhatsApp messages are going out: retrying, failed and dead, the next try and the last error',
        security: staffSecurity,
        response: { 200: outboxHealthSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { lastError, ...health } = await outboxHealth(app.db);
      // Twilio's error texts may quote the number they could not reach.
      return {
        ...health,
        lastError: lastError && {
          ...lastError,
          message: errorTextAsSeenBy(principal, lastError.message),
        },
      };
    },
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
