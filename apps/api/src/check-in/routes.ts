import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkInRequestSchema,
  checkInResultSchema,
  noShowQuerySchema,
  noShowReportSchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../auth/authorize.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { contactAsSeenBy } from '../privacy/viewer-view.ts';
import { authProblems, staffSecurity } from '../admin/security.ts';
import { checkIn } from './check-in.ts';
import { noShowReport } from './no-shows.ts';

/** At the gate: check-ins (staff and admins) and the no-show report (everyone, phones masked). */
const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const deps = { prisma: app.db, codes: app.checkInCodes, timeZone: app.config.templeTimeZone };

  app.post(
    '/check-ins',
    {
      schema: {
        tags: ['admin: check-in'],
        summary: 'Check a booking in at the gate, from its QR code or a typed reference',
        description:
          'Always 200 with an `outcome` for a well-formed request: green `checked_in`; amber ' +
          '`already_checked_in` (with when and by whom) or `wrong_slot` (with the booking’s own ' +
          'slot; send again with `anyway: true` to check it in all the same); red `cancelled`, ' +
          '`not_confirmed`, `not_found` or `invalid_code`. A scan sent again with the same ' +
          '`scanId` is answered as the check-in it made.',
        security: staffSecurity,
        body: checkInRequestSchema,
        response: { 200: checkInResultSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return checkIn(deps, request.body, {
        actor: principal.actor,
        staffId: principal.kind === 'staff' ? principal.id : null,
      });
    },
  );

  app.get(
    '/no-shows',
    {
      schema: {
        tags: ['admin: check-in'],
        summary: 'No-shows per seva, and phones with repeated no-shows, over a date range',
        description:
          'A no-show is a confirmed booking not checked in, of a slot that has ended, at which ' +
          'the gate checked someone in (slots nobody was checked in at are left out). Viewers ' +
          'see phone numbers masked. Every read is audited.',
        security: staffSecurity,
        querystring: noShowQuerySchema,
        response: { 200: noShowReportSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const report = await noShowReport(app.db, request.query, deps.timeZone, new Date());
      await recordAudit(app.db, {
        entityType: 'personal_data',
        entityId: 0,
        action: 'no_shows.read',
        actor: principal.actor,
        after: { rows: report.phones.length, filters: { ...request.query } },
      });
      return { ...report, phones: report.phones.map((p) => contactAsSeenBy(principal, p)) };
    },
  );
};

export default checkInRoutes;
