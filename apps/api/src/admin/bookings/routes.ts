import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminBookingPageSchema,
  adminBookingQuerySchema,
  adminBookingSchema,
  adminCancelBookingSchema,
  adminCreateBookingSchema,
  idParamSchema,
  problemSchema,
  restoredBookingSchema,
  updateBookingSchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { creatorOf } from '../../auth/principal.ts';
import { bookingInclude, type BookingWithSlot } from '../../bookings/booking-dto.ts';
import { cancelBooking } from '../../bookings/cancel-booking.ts';
import { createBooking } from '../../bookings/create-booking.ts';
import { restoreBooking } from '../../bookings/restore-booking.ts';
import { notFound } from '../../errors.ts';
import { recordBulkRead } from '../../privacy/bulk-read-audit.ts';
import { contactAsSeenBy } from '../../privacy/viewer-view.ts';
import { toAdminBookingDto, withMoney } from './admin-booking-dto.ts';
import { payAtOnce } from './pay-at-once.ts';
import { updateBooking } from '../../bookings/change-booking.ts';
import { searchBookings } from './booking-search.ts';
import { staffSecurity, authProblems } from '../security.ts';

const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[\x21-\x7e]+$/)
    .optional(),
});

/** Bookings as staff see them: search, counter bookings, edits, moves, cancellation and undo. */
const adminBookingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tz = app.config.templeTimeZone;
  const ctx = { database: app.database, timeZone: tz, tokens: app.manageTokens };
  const receiptPrefix = app.config.payments.receiptPrefix;
  /** One booking as staff see it, its money read afresh. */
  const asStaffSee = async (booking: BookingWithSlot, now = new Date()) => {
    const [withItsMoney] = await withMoney(app.db, [booking], receiptPrefix);
    return toAdminBookingDto(withItsMoney!, now, tz, app.checkInCodes, receiptPrefix);
  };
  /** A devotee's limits, for an API key that was not created to override them. */
  const devoteeLimits = {
    ...ctx,
    bookingsPerPhonePerSevaPerDay: app.config.bookingsPerPhonePerSevaPerDay,
  };
  /** Whether an admin created this API key to book with the counter's rules. */
  const overridesLimits = async (apiKeyId: number) => {
    const key = await app.db.apiKey.findUnique({
      where: { id: apiKeyId },
      select: { overrideBookingLimits: true },
    });
    return key?.overrideBookingLimits === true;
  };

  app.get(
    '/bookings',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'Search and page bookings',
        description:
          'Viewers see phone numbers masked and no email. Every search is audited (who, when, ' +
          'the filters and how many rows; never the search text).',
        security: staffSecurity,
        querystring: adminBookingQuerySchema,
        response: { 200: adminBookingPageSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { items, total } = await searchBookings(app.db, request.query, tz);
      await recordBulkRead(app.db, principal.actor, 'bookings.searched', items.length, {
        ...request.query,
      });
      const now = new Date();
      const withItsMoney = await withMoney(app.db, items, receiptPrefix);
      return {
        items: withItsMoney.map((b) =>
          contactAsSeenBy(
            principal,
            toAdminBookingDto(b, now, tz, app.checkInCodes, receiptPrefix),
          ),
        ),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/bookings/:id',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'One booking',
        description: 'Viewers see the phone number masked and no email.',
        security: staffSecurity,
        params: idParamSchema,
        response: { 200: adminBookingSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const booking = await app.db.booking.findUnique({
        where: { id: request.params.id },
        include: bookingInclude,
      });
      if (!booking) throw notFound(`There is no booking ${request.params.id}.`);
      return contactAsSeenBy(principalOf(request), await asStaffSee(booking));
    },
  );

  app.post(
    '/bookings',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'Book at the counter or for a phone caller (or through an API key)',
        description:
          'The same rules as a devotee’s booking, except that staff may book outside the booking window ' +
          'and beyond the per-phone cap. An API key keeps to both, as a devotee does, unless an admin ' +
          'created it with `overrideBookingLimits`. Capacity is never overridden. Source is `counter` ' +
          'for staff and `api` for an API key. With `payment: {method}` the whole fee is recorded ' +
          'as paid at once (cash, UPI or card) with its receipt, as POST …/payments does; a free ' +
          'booking ignores it.',
        security: staffSecurity,
        headers: idempotencyHeaders,
        body: adminCreateBookingSchema,
        response: {
          201: adminBookingSchema,
          200: adminBookingSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const counterRules = principal.kind === 'staff' || (await overridesLimits(principal.id));
      const { payment, ...details } = request.body;
      const result = await createBooking(counterRules ? ctx : devoteeLimits, {
        ...details,
        source: principal.kind === 'api_key' ? 'api' : 'counter',
        actor: principal.actor,
        idempotencyKey: request.headers['idempotency-key'],
        ignoreBookingWindow: counterRules,
        ...creatorOf(principal),
      });
      if (payment) await payAtOnce(app.db, result.booking, payment.method, principal.actor, tz);
      void reply
        .code(result.replayed ? 200 : 201)
        .header('location', `/api/v1/admin/bookings/${result.booking.id}`);
      return asStaffSee(result.booking);
    },
  );

  app.patch(
    '/bookings/:id',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'Change a booking’s details, or move it to another slot',
        description:
          'A move releases the old slot’s places and takes the new slot’s in one transaction; ' +
          '409 slot_full leaves everything as it was. A move or a change of persons queues a change message.',
        security: staffSecurity,
        params: idParamSchema,
        body: updateBookingSchema,
        response: {
          200: adminBookingSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const booking = await updateBooking(
        ctx,
        request.params.id,
        request.body,
        principalOf(request).actor,
      );
      return asStaffSee(booking);
    },
  );

  app.post(
    '/bookings/:id/cancel',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'Cancel a booking (frees its places; cancelling twice is harmless)',
        description:
          'A paid booking follows its seva’s refund policy: the whole fee back when cancelled at ' +
          'least `refundFullHoursBefore` hours before the start, nothing after. `refund: true` ' +
          'refunds anyway, `refund: false` keeps the fee. An online payment is refunded through ' +
          'Razorpay; money taken at the counter is recorded as handed back in cash by the ' +
          'cancelling clerk at once. The cancellation message tells the devotee the refund.',
        security: staffSecurity,
        params: idParamSchema,
        body: adminCancelBookingSchema.nullish(),
        response: { 200: adminBookingSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const booking = await cancelBooking(ctx, request.params.id, {
        actor: principalOf(request).actor,
        reason: request.body?.reason,
        enforceCutOff: false,
        holdMessageMs: app.config.cancellationUndoMs,
        refund: request.body?.refund,
      });
      return asStaffSee(booking);
    },
  );

  app.post(
    '/bookings/:id/restore',
    {
      schema: {
        tags: ['admin: bookings'],
        summary: 'Undo a cancellation: confirm the same booking again',
        description:
          'The same reference, manage link, slot and persons, if the places are still free: 409 ' +
          'slot_full or duplicate_booking (the phone booked the slot again meanwhile) changes ' +
          'nothing. A staff cancellation’s message waits `CANCELLATION_UNDO_MS`; undone within ' +
          'it, the message is withdrawn and the devotee hears nothing. Undone later, a change ' +
          'message tells the devotee the booking stands. Restoring a confirmed booking is harmless.',
        security: staffSecurity,
        params: idParamSchema,
        response: {
          200: restoredBookingSchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const { booking, cancellationWithdrawn } = await restoreBooking(
        ctx,
        request.params.id,
        principalOf(request).actor,
      );
      return { ...(await asStaffSee(booking)), cancellationWithdrawn };
    },
  );
};

export default adminBookingRoutes;
