import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminRefundPageSchema,
  adminRefundSchema,
  idParamSchema,
  problemSchema,
  refundQuerySchema,
  type AdminRefund,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import type { Principal } from '../../auth/principal.ts';
import { TRANSACTION_OPTIONS } from '../../bookings/booking-dependencies.ts';
import { payOutCashRefund, retryFailedRefund } from '../../payments/refund-policy.ts';
import { contactAsSeenBy, errorTextAsSeenBy } from '../../privacy/viewer-view.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { listRefunds, refundInclude, toAdminRefundDto } from './refund-list.ts';

/** Refunds for staff: see them by status, pay cash ones out, try failed online ones again. */
const adminRefundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const prefix = app.config.payments.receiptPrefix;
  const asSeen = (principal: Principal, refund: AdminRefund): AdminRefund => ({
    ...refund,
    booking: contactAsSeenBy(principal, refund.booking),
    lastError: errorTextAsSeenBy(principal, refund.lastError),
  });
  const reloaded = async (principal: Principal, id: number) =>
    asSeen(
      principal,
      toAdminRefundDto(
        await app.db.refund.findUniqueOrThrow({ where: { id }, include: refundInclude }),
        prefix,
      ),
    );

  app.get(
    '/refunds',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'Refunds, newest first, by status',
        description:
          '`failed`: online refunds Razorpay refused, to try again; `due_at_counter`: cash to ' +
          'hand back to devotees who cancelled through their link; `pending`/`processing`: ' +
          'online refunds on their way; `processed`: done. Viewers see phone numbers masked.',
        security: staffSecurity,
        querystring: refundQuerySchema,
        response: { 200: adminRefundPageSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { items, total } = await listRefunds(app.db, request.query);
      return {
        items: items.map((r) => asSeen(principal, toAdminRefundDto(r, prefix))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/refunds/:id/paid-out',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'The clerk handed a cash refund to the devotee',
        description:
          'due_at_counter → processed, recorded as paid out by the signed-in clerk; the ' +
          'payment is refunded. 409 refund_not_due when it is not waiting at the counter ' +
          '(already paid out, or an online refund).',
        security: staffSecurity,
        params: idParamSchema,
        response: {
          200: adminRefundSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await app.db.$transaction(
        (tx) => payOutCashRefund(tx, request.params.id, principal.actor, new Date()),
        TRANSACTION_OPTIONS,
      );
      return reloaded(principal, request.params.id);
    },
  );

  app.post(
    '/refunds/:id/retry',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'Try a failed online refund again',
        description:
          'failed → pending: the refund sender sends it to Razorpay again. 409 refund_not_failed ' +
          'for any other refund.',
        security: staffSecurity,
        params: idParamSchema,
        response: {
          200: adminRefundSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await app.db.$transaction(
        (tx) => retryFailedRefund(tx, request.params.id, principal.actor, new Date()),
        TRANSACTION_OPTIONS,
      );
      return reloaded(principal, request.params.id);
    },
  );
};

export default adminRefundRoutes;
