import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptedOfferSchema,
  idParamSchema,
  joinWaitlistSchema,
  joinedWaitlistSchema,
  problemSchema,
  waitlistEntrySchema,
  waitlistSlotParamSchema,
  waitlistTokenQuerySchema,
} from '@sevabook/shared';
import { acceptOffer } from './accept-offer.ts';
import { waitlistPageUrl } from './entry-token.ts';
import { positionOf, toWaitlistEntryDto } from './entry-view.ts';
import { joinWaitlist } from './join-waitlist.ts';
import { entryByToken, leaveWaitlist } from './leave-waitlist.ts';
import { configureWaitlistOffers } from './offer-hold.ts';
import type { WaitlistDependencies } from './waitlist-dependencies.ts';

/**
 * A devotee's side of the waiting list: join a full slot's list, see the position, leave, and
 * accept places offered. The entry's link token (shown once, in the offer message too) is the
 * only key; a wrong token answers 404 like an unknown entry.
 */
const waitlistRoutes: FastifyPluginAsyncZod = async (app) => {
  configureWaitlistOffers({ offerSeconds: app.config.waitlistOfferSeconds });
  const tz = app.config.templeTimeZone;
  const deps: WaitlistDependencies = {
    db: app.db,
    timeZone: tz,
    tokens: app.manageTokens,
    publicUrl: app.config.publicUrl,
    bookingsPerPhonePerSevaPerDay: app.config.bookingsPerPhonePerSevaPerDay,
  };
  const tags = ['waitlist'];

  app.post(
    '/slots/:slotId/waitlist',
    {
      schema: {
        tags,
        summary: 'Join a full slot’s waiting list',
        description:
          'Only while the slot has no room for that many persons (409 places_available: book ' +
          'instead); one live entry per phone per slot (409 already_waiting). 201 with the ' +
          'position and the entry’s link token (shown once).',
        params: waitlistSlotParamSchema,
        body: joinWaitlistSchema,
        response: {
          201: joinedWaitlistSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { entry, position, token } = await joinWaitlist(
        deps,
        request.params.slotId,
        request.body,
      );
      void reply.code(201).header('location', `/api/v1/waitlist/${entry.id}`);
      return {
        ...toWaitlistEntryDto(entry, position, tz),
        token,
        url: waitlistPageUrl(app.config.publicUrl, app.manageTokens, entry.id, entry.language),
      };
    },
  );

  app.get(
    '/waitlist/:id',
    {
      schema: {
        tags,
        summary: 'A waiting list entry: position, status and any open offer (needs its token)',
        params: idParamSchema,
        querystring: waitlistTokenQuerySchema,
        response: { 200: waitlistEntrySchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const entry = await entryByToken(app.db, request.params.id, request.query.token);
      return toWaitlistEntryDto(entry, await positionOf(app.db, entry), tz);
    },
  );

  app.delete(
    '/waitlist/:id',
    {
      schema: {
        tags,
        summary: 'Leave the waiting list (needs its token); an open offer passes to the next',
        params: idParamSchema,
        querystring: waitlistTokenQuerySchema,
        response: { 200: waitlistEntrySchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const entry = await leaveWaitlist(deps, request.params.id, request.query.token);
      return toWaitlistEntryDto(entry, null, tz);
    },
  );

  app.post(
    '/waitlist/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept the places offered (needs its token)',
        description:
          'The held booking is confirmed, with its manage token (shown once). 409 ' +
          'offer_not_open when there is no open offer or its hold has run out.',
        params: idParamSchema,
        querystring: waitlistTokenQuerySchema,
        response: {
          200: acceptedOfferSchema,
          404: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => {
      const { booking, manageToken } = await acceptOffer(
        deps,
        request.params.id,
        request.query.token,
      );
      return {
        reference: booking.reference,
        status:
          booking.status === 'pending_payment'
            ? ('pending_payment' as const)
            : ('confirmed' as const),
        manageToken,
        manageUrl: `${app.config.publicUrl}/manage/${booking.reference}?token=${manageToken}&lang=${booking.language}`,
      };
    },
  );
};

export default waitlistRoutes;
