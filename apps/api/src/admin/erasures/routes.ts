import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { erasureRequestSchema, erasureResultSchema, problemSchema, toE164 } from '@sevabook/shared';
import { ADMIN_ONLY, authorize, principalOf } from '../../auth/authorize.ts';
import { validationFailed } from '../../errors.ts';
import { eraseDevotee } from '../../privacy/erasure.ts';
import { authProblems, staffSessionSecurity } from '../security.ts';

/** A devotee's request to have their personal data erased, carried out by a signed-in admin. */
const adminErasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ADMIN_ONLY, write: ADMIN_ONLY, staffOnly: true }));

  app.post(
    '/erasures',
    {
      schema: {
        tags: ['admin: personal data'],
        summary: 'Erase one devotee’s personal data, found by phone number',
        description:
          'Every booking of the number keeps its reference, seva, slot, persons, fee and status, and ' +
          'loses the name, number, email, sankalpa details and notes; so do their audit copies and ' +
          'WhatsApp messages. Upcoming confirmed bookings refuse the erasure (409 upcoming_bookings) ' +
          'unless `cancelUpcoming` is true, which cancels them and frees their places (no message is ' +
          'sent). Audited with the counts only. Erasing a number with nothing left answers zeros. ' +
          'Signed-in admins only, never an API key.',
        security: staffSessionSecurity,
        body: erasureRequestSchema,
        response: { 200: erasureResultSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const phone = toE164(request.body.phone);
      if (!phone) {
        throw validationFailed([{ path: 'body.phone', message: 'Not a valid phone number' }]);
      }
      return eraseDevotee(app.db, {
        phone,
        cancelUpcoming: request.body.cancelUpcoming,
        actor: principalOf(request).actor,
      });
    },
  );
};

export default adminErasureRoutes;
