import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminWaitlistEntrySchema,
  adminWaitlistSchema,
  idParamSchema,
  problemSchema,
  waitlistSlotParamSchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../auth/authorize.ts';
import { authProblems, staffSecurity } from '../admin/security.ts';
import { contactAsSeenBy } from '../privacy/viewer-view.ts';
import { notFound } from '../errors.ts';
import { toAdminWaitlistEntryDto } from './entry-view.ts';
import { removeEntry } from './leave-waitlist.ts';
import { offerByHand } from './offer-by-hand.ts';
import { entryInclude } from './entry-view.ts';

/**
 * Staff see each slot's waiting list (viewers with phones masked), offer free places to an
 * entry by hand, and remove entries.
 */
const adminWaitlistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tags = ['admin: waitlist'];

  app.get(
    '/slots/:slotId/waitlist',
    {
      schema: {
        tags,
        summary: 'A slot’s waiting list: live entries in order, then the rest',
        security: staffSecurity,
        params: waitlistSlotParamSchema,
        response: { 200: adminWaitlistSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const { slotId } = request.params;
      const slot = await app.db.slot.findUnique({ where: { id: slotId } });
      if (!slot) throw notFound(`There is no slot ${slotId}.`);
      const entries = await app.db.waitlistEntry.findMany({
        where: { slotId },
        include: entryInclude,
        orderBy: { id: 'asc' },
        take: 1_000,
      });
      const principal = principalOf(request);
      const live = entries.filter((e) => e.status === 'waiting' || e.status === 'offered');
      const done = entries.filter((e) => e.status !== 'waiting' && e.status !== 'offered');
      let position = 0;
      return {
        slotId,
        capacity: slot.capacity,
        booked: slot.booked,
        items: [...live, ...done].map((e) =>
          contactAsSeenBy(
            principal,
            toAdminWaitlistEntryDto(e, e.status === 'waiting' ? ++position : null),
          ),
        ),
      };
    },
  );

  app.post(
    '/waitlist/:id/offer',
    {
      schema: {
        tags,
        summary: 'Offer free places to this entry now',
        description:
          'Only when the slot has room for the entry’s persons (409 slot_full otherwise); the ' +
          'hold may run until the slot starts.',
        security: staffSecurity,
        params: idParamSchema,
        response: {
          200: adminWaitlistEntrySchema,
          404: problemSchema,
          409: problemSchema,
          ...authProblems,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const entry = await offerByHand(app.db, request.params.id, principal.actor);
      return contactAsSeenBy(principal, toAdminWaitlistEntryDto(entry, null));
    },
  );

  app.delete(
    '/waitlist/:id',
    {
      schema: {
        tags,
        summary: 'Remove an entry; an offer it held is released and passed on',
        security: staffSecurity,
        params: idParamSchema,
        response: { 200: adminWaitlistEntrySchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const entry = await removeEntry(app.db, request.params.id, principal.actor);
      return contactAsSeenBy(principal, toAdminWaitlistEntryDto(entry, null));
    },
  );
};

export default adminWaitlistRoutes;
