import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  daySheetQuerySchema,
  daySheetSchema,
  sevaSummaryQuerySchema,
  sevaSummarySchema,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { recordBulkRead } from '../../privacy/bulk-read-audit.ts';
import { contactAsSeenBy } from '../../privacy/viewer-view.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { daySheetCsv } from './day-sheet-csv.ts';
import { buildDaySheet, sevaSummary } from './day-sheet.ts';

/** The day sheet for the priests (JSON or CSV) and per-seva totals for the office. */
const daySheetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tz = app.config.templeTimeZone;

  app.get(
    '/day-sheet',
    {
      schema: {
        tags: ['admin: day sheet'],
        summary: 'A day’s slots in time order with their bookings',
        description:
          'JSON by default; send `Accept: text/csv` for the same as CSV (UTF-8 with BOM, one row per booking). ' +
          'Viewers see phone numbers masked. Every read and export is audited (who, when, how many rows).',
        security: staffSecurity,
        querystring: daySheetQuerySchema,
        response: { 200: daySheetSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const whole = await buildDaySheet(
        app.db,
        request.query,
        tz,
        app.config.payments.receiptPrefix,
      );
      const sheet = {
        ...whole,
        slots: whole.slots.map((slot) => ({
          ...slot,
          bookings: slot.bookings.map((b) => contactAsSeenBy(principal, b)),
        })),
      };
      const csv = wantsCsv(request.headers.accept);
      const rows = sheet.slots.reduce((sum, slot) => sum + slot.bookings.length, 0);
      await recordBulkRead(
        app.db,
        principal.actor,
        csv ? 'day_sheet.exported' : 'day_sheet.read',
        rows,
        { ...request.query },
      );
      if (!csv) return sheet;
      // NOTE: the CSV bypasses the JSON response schema through its own serializer; the type
      // provider only knows the JSON shape, hence the cast.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="day-sheet-${sheet.date}.csv"`)
        .serializer((body: unknown) => String(body))
        .send(daySheetCsv(sheet) as never);
    },
  );

  app.get(
    '/reports/seva-summary',
    {
      schema: {
        tags: ['admin: day sheet'],
        summary: 'Per seva over a date range: slots, confirmed bookings, persons and fees',
        security: staffSecurity,
        querystring: sevaSummaryQuerySchema,
        response: { 200: sevaSummarySchema, ...authProblems },
      },
    },
    async (request) => sevaSummary(app.db, request.query.from, request.query.to, tz),
  );
};

function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}

export default daySheetRoutes;
