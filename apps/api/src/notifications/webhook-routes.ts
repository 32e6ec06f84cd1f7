import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import twilio from 'twilio';
import { z } from 'zod';
import { problemSchema } from '@sevabook/shared';
import { AppError } from '../errors.ts';
import { applyStatusCallback } from './delivery-status.ts';

const statusCallbackBody = z.looseObject({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(32).optional(),
});

const statusCallbackQuery = z.looseObject({
  notification: z.coerce.number().int().positive().optional(),
});

const forbidden = (detail: string) => new AppError(403, 'forbidden', 'Forbidden', detail);

/**
 * Twilio's message status callbacks. Registered under /api/v1. The signature is checked against
 * PUBLIC_URL (not the Host header), so it holds behind a proxy; an unsigned or wrongly signed
 * request changes nothing.
 */
const twilioWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: form bodies are accepted by these routes only.
  await app.register(formbody);
  const authToken = app.config.twilio?.authToken;

  async function verifySignature(request: FastifyRequest, _reply: FastifyReply) {
    const signature = request.headers['x-twilio-signature'];
    if (!authToken) throw forbidden('Twilio is not configured on this server.');
    if (typeof signature !== 'string' || signature.length === 0) {
      throw forbidden('The X-Twilio-Signature header is missing.');
    }
    const url = `${app.config.publicUrl}${request.url}`;
    const params = (request.body ?? {}) as Record<string, unknown>;
    if (!twilio.validateRequest(authToken, signature, url, params)) {
      throw forbidden('The X-Twilio-Signature does not match this request.');
    }
  }

  app.post(
    '/webhooks/twilio/status',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Twilio message status callback',
        description:
          'Form-encoded, signed by Twilio (X-Twilio-Signature). Moves the message status forward ' +
          'only: a late or replayed callback changes nothing.',
        querystring: statusCallbackQuery,
        body: statusCallbackBody,
        response: { 204: z.null().describe('Recorded'), 403: problemSchema, 422: problemSchema },
      },
      // Before validation: an unsigned request gets 403 whatever its body.
      preValidation: verifySignature,
      // Twilio calls back from a few addresses, up to three times per message: the per-address
      // limit meant for devotees would drop status updates. An unsigned request costs one HMAC
      // and is refused before any database work.
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const result = await applyStatusCallback(app.db, {
        messageSid: request.body.MessageSid,
        messageStatus: request.body.MessageStatus,
        errorCode: request.body.ErrorCode,
        notificationId: request.query.notification,
      });
      request.log.debug(
        { sid: request.body.MessageSid, status: request.body.MessageStatus, result },
        'twilio status callback',
      );
      return reply.code(204).send(null);
    },
  );
};

export default twilioWebhookRoutes;
