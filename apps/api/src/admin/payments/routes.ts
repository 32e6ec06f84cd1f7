import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamSchema,
  problemSchema,
  recordPaymentSchema,
  recordedPaymentSchema,
  type RecordedPayment,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { recordCounterPayment, type RecordedPaymentRow } from '../../payments/counter-payments.ts';
import { formatReceiptNumber } from '../../payments/receipts.ts';
import { authProblems, staffSecurity } from '../security.ts';

/** A payment taken at the counter for a booking (cash, UPI or card), with its receipt. */
const adminPaymentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tz = app.config.templeTimeZone;
  const prefix = app.config.payments.receiptPrefix;

  app.post(
    '/bookings/:id/payments',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'Record a payment taken at the counter, and number its receipt',
        description:
          'Cash, UPI to the temple’s own QR, or card; the amount defaults to the fee the booking ' +
          'was made at. One transaction records the payment, its receipt (gapless per financial ' +
          'year) and an audit entry. A booking holding its places for an online payment is ' +
          'confirmed by it, and its confirmation message is queued. 409 already_paid (a booking ' +
          'keeps one payment; nothing is recorded), nothing_to_pay (a free booking) or ' +
          'booking_not_payable (cancelled, expired or offered). Staff and admins; not viewers.',
        security: staffSecurity,
        params: idParamSchema,
        body: recordPaymentSchema,
        response: {
          201: recordedPaymentSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request, reply) => {
      const { payment, bookingStatus, reference } = await recordCounterPayment(app.db, {
        bookingId: request.params.id,
        method: request.body.method,
        amountPaise: request.body.amountPaise,
        actor: principalOf(request).actor,
        now: new Date(),
        timeZone: tz,
      });
      const staff = payment.recordedByStaffId
        ? await app.db.staffUser.findUnique({
            where: { id: payment.recordedByStaffId },
            select: { id: true, name: true },
          })
        : null;
      void reply.code(201);
      return recordedPaymentDto(payment, { reference, bookingStatus, staff }, prefix);
    },
  );
};

export function recordedPaymentDto(
  payment: RecordedPaymentRow,
  about: {
    reference: string;
    bookingStatus: RecordedPayment['bookingStatus'];
    staff: { id: number; name: string } | null;
  },
  receiptPrefix: string,
): RecordedPayment {
  const { receipt } = payment;
  return {
    id: payment.id,
    bookingId: payment.bookingId,
    bookingReference: about.reference,
    bookingStatus: about.bookingStatus,
    method: payment.method,
    amountPaise: payment.amountPaise,
    paidAt: payment.paidAt.toISOString(),
    recordedBy: about.staff,
    receipt: {
      number: formatReceiptNumber(receiptPrefix, receipt.financialYear, receipt.number),
      financialYear: receipt.financialYear,
      issuedAt: receipt.issuedAt.toISOString(),
    },
  };
}

export default adminPaymentRoutes;
