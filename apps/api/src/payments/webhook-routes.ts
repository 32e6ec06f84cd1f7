import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '@sevabook/shared';
import { AppError } from '../errors.ts';
import { paymentProblems } from './payment-problems.ts';
import { webhookSignatureValid } from './signatures.ts';
import { handleRazorpayEvent } from './webhook-events.ts';

const webhookBody = z
  .looseObject({
    event: z.string().min(1).max(40),
    payload: z.looseObject({}).optional(),
  })
  .meta({ id: 'RazorpayWebhookEvent' });

const webhookHeaders = z.looseObject({
  'x-razorpay-signature': z.string().max(128).optional(),
  'x-razorpay-event-id': z.string().max(64).optional(),
});

/** The body exactly as it came: the signature is over these bytes, not over re-encoded JSON. */
const RAW_BODY = Symbol('raw body');
type WithRawBody = FastifyRequest & { [RAW_BODY]?: string };

/**
 * Razorpay's webhook (payment.captured, order.paid, payment.failed, refund.processed,
 * refund.failed). The signature is HMAC-SHA256 (hex) of the raw body with
 * RAZORPAY_WEBHOOK_SECRET; a missing or wrong one answers 400 and changes nothing. Each event is
 * handled once, by its X-Razorpay-Event-Id (webhook-events.ts), and answered quickly: Razorpay
 * retries an event that is not answered 2xx within a few seconds.
 */
const razorpayWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const secret = app.config.razorpay?.webhookSecret;

  // Encapsulated: only this route keeps its raw body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    (request as WithRawBody)[RAW_BODY] = text;
    try {
      done(null, text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
    } catch {
      done(new AppError(400, 'invalid_json', 'Invalid JSON', 'The body is not valid JSON.'));
    }
  });

  app.post(
    '/payments/razorpay/webhook',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Razorpay webhook',
        description:
          'Signed by Razorpay (X-Razorpay-Signature over the raw body). Idempotent by ' +
          'X-Razorpay-Event-Id and safe in any order: a redelivered or late event changes nothing.',
        headers: webhookHeaders,
        body: webhookBody,
        response: {
          200: z.object({ received: z.boolean() }).meta({ id: 'WebhookReceived' }),
          400: problemSchema,
        },
      },
      // Before validation: a forged request gets 400 whatever its body.
      preValidation: async (request) => {
        const signature = request.headers['x-razorpay-signature'];
        const raw = (request as WithRawBody)[RAW_BODY];
        if (
          !secret ||
          typeof signature !== 'string' ||
          raw === undefined ||
          !webhookSignatureValid(raw, signature, secret)
        ) {
          throw paymentProblems.webhookSignatureInvalid();
        }
      },
    },
    async (request) => {
      const eventId = request.headers['x-razorpay-event-id'];
      if (!eventId) {
        throw new AppError(
          400,
          'validation_failed',
          'Event id missing',
          'X-Razorpay-Event-Id is missing.',
          [{ path: 'headers.x-razorpay-event-id', message: 'Required' }],
        );
      }
      await handleRazorpayEvent(app.db, eventId, request.body, app.config.templeTimeZone);
      return { received: true };
    },
  );
};

export default razorpayWebhookRoutes;
