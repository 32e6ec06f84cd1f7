import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  devoteeSessionSchema,
  myBookingsSchema,
  problemSchema,
  requestSignInCodeSchema,
  signInCodeSentSchema,
  startDevoteeSessionSchema,
  toE164,
} from '@sevabook/shared';
import { toBookingDto } from '../bookings/booking-dto.ts';
import { AppError } from '../errors.ts';
import { bookingsOfPhone } from './my-bookings-list.ts';
import { renderSignInCodeMessage } from './sign-in-code-message.ts';
import { chooseSignInCodeSender } from './sign-in-code-sender.ts';
import { issueSignInCode, redeemSignInCode, SignInCodeHasher } from './sign-in-codes.ts';

/** The site offers to send another code after this long. */
const RESEND_AFTER_SECONDS = 60;

const devoteeSecurity = [{ devoteeSession: [] }];

/**
 * "My bookings" by phone: ask for a code by WhatsApp, exchange it for a short session, list the
 * phone's bookings. Mounted at /api/v1; the manage routes accept the same session
 * (managed-booking.ts).
 */
const myBookingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const settings = config.myBookings;
  const hasher = new SignInCodeHasher(config.jwtSecret);
  const sender = chooseSignInCodeSender(config, app.log);
  // Per client address, on top of the per-phone limit: generous, as many devotees share one
  // carrier's address, but low enough that no one address can walk through many phones' codes.
  const perAddress = {
    rateLimit: {
      max: settings.perAddressPerHour,
      timeWindow: 3_600_000,
    },
  };
  const e164 = (phone: string) => toE164(phone) ?? phone;

  app.post(
    '/my-bookings/sign-in-codes',
    {
      config: perAddress,
      schema: {
        tags: ['my bookings'],
        summary: 'Send a 6-digit sign-in code to a phone by WhatsApp',
        description:
          'Answers 202 alike whether or not the phone has bookings. A phone is sent a few codes per ' +
          '15 minutes at most (429 with Retry-After past that); each works for 10 minutes.',
        body: requestSignInCodeSchema,
        security: [],
        response: {
          202: signInCodeSentSchema,
          429: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const phone = e164(request.body.phone);
      const issued = await issueSignInCode(app.db, hasher, settings, phone, now);
      if (issued.kind === 'limited') {
        throw new AppError(
          429,
          'rate_limited',
          'Too many codes',
          'Several codes have been sent to this number lately; wait a little before asking again.',
          undefined,
          { 'retry-after': String(issued.retryAfterSeconds) },
        );
      }
      const message = renderSignInCodeMessage(
        { code: issued.code, validMinutes: settings.codeTtlMinutes, templeName: config.templeName },
        request.body.language,
      );
      const outcome = await sender.send(phone, message);
      if (outcome.kind === 'retry' || outcome.kind === 'throttled') {
        // Not sent, and the devotee is waiting for it: say so, and let them ask again without
        // this code counting against their number.
        await app.db.phoneSignInCode.delete({ where: { id: issued.id } });
        request.log.warn({ outcome: outcome.kind }, 'sign-in code not sent');
        throw new AppError(
          503,
          'service_unavailable',
          'Code not sent',
          'WhatsApp could not take the message just now; try again in a minute.',
          undefined,
          { 'retry-after': '60' },
        );
      }
      if (outcome.kind === 'permanent') {
        request.log.info({ outcome: outcome.code }, 'sign-in code refused by the provider');
      }
      void reply.code(202).header('cache-control', 'no-store');
      return {
        expiresInSeconds: settings.codeTtlMinutes * 60,
        resendAfterSeconds: RESEND_AFTER_SECONDS,
      };
    },
  );

  app.post(
    '/my-bookings/sessions',
    {
      config: perAddress,
      schema: {
        tags: ['my bookings'],
        summary: 'Exchange a sign-in code for a 15-minute session of that phone',
        description:
          'Codes are single use and allow 5 tries. 401 code_invalid for a wrong code; 422 ' +
          'code_expired or too_many_attempts when the code can no longer be used.',
        body: startDevoteeSessionSchema,
        security: [],
        response: {
          200: devoteeSessionSchema,
          401: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const phone = e164(request.body.phone);
      const codeId = await redeemSignInCode(
        app.db,
        hasher,
        settings,
        phone,
        request.body.code,
        new Date(),
      );
      void reply.header('cache-control', 'no-store');
      return {
        sessionToken: app.devoteeSessions.sign(codeId),
        tokenType: 'Bearer' as const,
        expiresIn: app.devoteeSessions.ttlSeconds,
        phone,
      };
    },
  );

  app.get(
    '/my-bookings',
    {
      schema: {
        tags: ['my bookings'],
        summary: 'The bookings of the session’s phone: upcoming, then the last 12 months',
        description:
          'Each booking opens with the same session at GET/POST /api/v1/bookings/{reference}… ' +
          'as with its manage link.',
        security: devoteeSecurity,
        response: { 200: myBookingsSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const phone = await app.devoteeSessions.requirePhone(request);
      const now = new Date();
      const { upcoming, past } = await bookingsOfPhone(app.db, phone, now);
      const dto = (b: (typeof upcoming)[number]) =>
        toBookingDto(b, now, config.templeTimeZone, app.checkInCodes, {
          receiptPrefix: config.payments.receiptPrefix,
        });
      void reply.header('cache-control', 'no-store');
      return { upcoming: upcoming.map(dto), past: past.map(dto) };
    },
  );
};

export default myBookingsRoutes;
