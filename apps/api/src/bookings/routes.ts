import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingReferenceParamSchema,
  bookingSchema,
  bookingTokenQuerySchema,
  cancelBookingSchema,
  createBookingSchema,
  createdBookingSchema,
  normaliseReference,
  problemSchema,
} from '@sevabook/shared';
import { devoteeActor } from '../audit/audit-log.ts';
import { toBookingDto, type BookingWithSlot } from './booking-dto.ts';
import { orderForBooking } from '../payments/checkout.ts';
import { onlinePaymentOf, paymentViewOf } from '../payments/payment-settings.ts';
import { razorpayGatewayOf } from '../payments/razorpay-gateway.ts';
import { cancelBooking } from './cancel-booking.ts';
import { createBooking } from './create-booking.ts';
import { findManagedBooking } from '../my-bookings/managed-booking.ts';
import { bookingCalendar } from './ics.ts';

const bookingHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'Printable ASCII only')
    .optional()
    .describe('Any unique string per booking attempt (a UUID); a retry with it never books twice'),
});

const tokenHeadersSchema = z.looseObject({
  'x-booking-token': z.string().max(64).optional(),
});

const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tz = app.config.templeTimeZone;
  const ctx = {
    database: app.database,
    timeZone: tz,
    tokens: app.manageTokens,
    bookingsPerPhonePerSevaPerDay: app.config.bookingsPerPhonePerSevaPerDay,
  };
  const gateway = razorpayGatewayOf(app.config);
  const onlinePayment = onlinePaymentOf(app.config);
  const money = paymentViewOf(app.config, gateway);
  async function withCheckoutOrder(booking: BookingWithSlot): Promise<BookingWithSlot> {
    if (!gateway || booking.status !== 'pending_payment' || booking.razorpayOrderId) return booking;
    try {
      const order = await orderForBooking(app.db, gateway, booking);
      return { ...booking, razorpayOrderId: order.orderId };
    } catch (err) {
      app.log.warn(
        { err, reference: booking.reference },
        'no Razorpay order for a held booking yet',
      );
      return booking;
    }
  }
  // The manage link opens the site in the language the booking was made in.
  const manageUrl = (reference: string, token: string, language: string) =>
    `${app.config.publicUrl}/manage/${reference}?token=${token}&lang=${language}`;

  app.post(
    '/bookings',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Book a slot',
        description:
          'Takes the places atomically. 201 with the booking and its manage token (shown once); ' +
          '200 when an Idempotency-Key replay returns the booking made before.',
        headers: bookingHeadersSchema,
        body: createBookingSchema,
        response: {
          201: createdBookingSchema,
          200: createdBookingSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await createBooking(ctx, {
        ...request.body,
        source: 'web',
        actor: devoteeActor,
        idempotencyKey: request.headers['idempotency-key'],
        onlinePayment,
      });
      const { manageToken } = result;
      // Outside the booking's transaction: the places are held whatever Razorpay answers, and
      // the order can be asked for again (POST …/payments/razorpay/order) until the hold ends.
      const booking = await withCheckoutOrder(result.booking);
      void reply
        .code(result.replayed ? 200 : 201)
        .header('location', `/api/v1/bookings/${booking.reference}`);
      return {
        ...toBookingDto(booking, new Date(), tz, app.checkInCodes, money),
        manageToken,
        manageUrl: manageUrl(booking.reference, manageToken, booking.language),
      };
    },
  );

  app.get(
    '/bookings/:reference.ics',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The booking as a calendar file (needs its token)',
        params: bookingReferenceParamSchema,
        querystring: bookingTokenQuerySchema,
        headers: tokenHeadersSchema,
        security: [{ bookingToken: [] }, { devoteeSession: [] }],
        response: { 200: z.string().describe('text/calendar'), 404: problemSchema },
      },
    },
    async (request, reply) => {
      const token = request.headers['x-booking-token'] ?? request.query.token;
      const booking = await findManagedBooking(
        request,
        normaliseReference(request.params.reference),
        token,
      );
      const body = bookingCalendar(
        booking,
        app.config.templeName,
        `${app.config.publicUrl}/sevas/${booking.slot.sevaId}?lang=${booking.language}`,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${booking.reference}.ics"`)
        .serializer((v: unknown) => String(v))
        .send(body);
    },
  );

  app.get(
    '/bookings/:reference',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Look up a booking (needs its token; a wrong token answers 404)',
        params: bookingReferenceParamSchema,
        querystring: bookingTokenQuerySchema,
        headers: tokenHeadersSchema,
        security: [{ bookingToken: [] }, { devoteeSession: [] }],
        response: { 200: bookingSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const token = request.headers['x-booking-token'] ?? request.query.token;
      const booking = await findManagedBooking(
        request,
        normaliseReference(request.params.reference),
        token,
      );
      return toBookingDto(booking, new Date(), tz, app.checkInCodes, money);
    },
  );

  app.post(
    '/bookings/:reference/cancel',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Cancel a booking (needs its token; until the seva’s cut-off)',
        params: bookingReferenceParamSchema,
        querystring: bookingTokenQuerySchema,
        headers: tokenHeadersSchema,
        body: cancelBookingSchema.nullish(),
        security: [{ bookingToken: [] }, { devoteeSession: [] }],
        response: { 200: bookingSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const token = request.headers['x-booking-token'] ?? request.query.token;
      const booking = await findManagedBooking(
        request,
        normaliseReference(request.params.reference),
        token,
      );
      const cancelled = await cancelBooking(ctx, booking.id, {
        actor: devoteeActor,
        reason: request.body?.reason,
        enforceCutOff: true,
      });
      return toBookingDto(cancelled, new Date(), tz, app.checkInCodes, money);
    },
  );
};

export default bookingRoutes;
