import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingReferenceParamSchema,
  bookingSchema,
  bookingTokenQuerySchema,
  normaliseReference,
  problemSchema,
  razorpayCheckoutSchema,
  verifyRazorpayPaymentSchema,
} from '@sevabook/shared';
import { devoteeActor } from '../audit/audit-log.ts';
import { bookingInclude, toBookingDto } from '../bookings/booking-dto.ts';
import { findBookingByReference } from '../bookings/find-booking.ts';
import { orderForBooking, verifyCheckout } from './checkout.ts';
import { paymentProblems } from './payment-problems.ts';
import { paymentViewOf } from './payment-settings.ts';
import { razorpayGatewayOf } from './razorpay-gateway.ts';

const tokenHeadersSchema = z.looseObject({
  'x-booking-token': z.string().max(64).optional(),
});

/**
 * A devotee paying a held booking online, with the booking's manage token like the other
 * manage routes: the Razorpay order to open Checkout with (made on first asking, the same one
 * after), and the check of what Checkout hands back, which confirms the booking.
 */
const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tz = app.config.templeTimeZone;
  const gateway = razorpayGatewayOf(app.config);
  const view = paymentViewOf(app.config, gateway);

  async function bookingOf(reference: string, token: string | undefined) {
    if (!gateway) throw paymentProblems.off();
    const booking = await findBookingByReference(app.db, normaliseReference(reference), token);
    return { booking, gateway };
  }

  app.post(
    '/bookings/:reference/payments/razorpay/order',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The Razorpay order to pay a held booking with (needs its token)',
        description:
          'Made on first asking and the same order after, until the hold expires. 409 ' +
          'hold_expired once the places are released; booking_not_payable for a booking paid ' +
          'at the counter or already confirmed.',
        params: bookingReferenceParamSchema,
        querystring: bookingTokenQuerySchema,
        headers: tokenHeadersSchema,
        security: [{ bookingToken: [] }],
        response: {
          200: razorpayCheckoutSchema,
          404: problemSchema,
          409: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request) => {
      const token = request.headers['x-booking-token'] ?? request.query.token;
      const { booking, gateway: razorpay } = await bookingOf(request.params.reference, token);
      if (booking.status === 'expired') throw paymentProblems.holdExpired();
      return orderForBooking(app.db, razorpay, booking);
    },
  );

  app.post(
    '/bookings/:reference/payments/razorpay/verify',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Confirm a held booking with what Razorpay Checkout returned (needs its token)',
        description:
          'Checks the signature (HMAC-SHA256 of order_id|payment_id with the key secret), then ' +
          'the payment itself at Razorpay (its order, amount and capture), then confirms the ' +
          'booking, numbers its receipt and sends the confirmation. Calling it again answers the ' +
          'same confirmed booking. A forged signature changes nothing.',
        params: bookingReferenceParamSchema,
        querystring: bookingTokenQuerySchema,
        headers: tokenHeadersSchema,
        body: verifyRazorpayPaymentSchema,
        security: [{ bookingToken: [] }],
        response: {
          200: bookingSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request) => {
      const token = request.headers['x-booking-token'] ?? request.query.token;
      const { booking, gateway: razorpay } = await bookingOf(request.params.reference, token);
      const outcome = await verifyCheckout(app.db, razorpay, booking, request.body, {
        timeZone: tz,
        actor: devoteeActor,
      });
      if (outcome.kind === 'refunding') {
        throw outcome.reason === 'late_payment'
          ? paymentProblems.holdExpired(true)
          : outcome.reason === 'amount_mismatch'
            ? paymentProblems.amountMismatch()
            : paymentProblems.alreadyPaid();
      }
      const paid = await app.db.booking.findUniqueOrThrow({
        where: { id: booking.id },
        include: bookingInclude,
      });
      return toBookingDto(paid, new Date(), tz, app.checkInCodes, view);
    },
  );
};

export default paymentRoutes;
