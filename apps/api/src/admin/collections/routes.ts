import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  collectionsQuerySchema,
  collectionsSchema,
  problemSchema,
  reconciliationQuerySchema,
  reconciliationSchema,
  type Collections,
} from '@sevabook/shared';
import { ALL_ROLES, BOOKING_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { AppError } from '../../errors.ts';
import { buildCollections } from '../../payments/collections.ts';
import {
  RazorpaySettlements,
  reconcile,
  type SettlementSource,
} from '../../payments/reconciliation.ts';
import { recordBulkRead } from '../../privacy/bulk-read-audit.ts';
import { contactAsSeenBy } from '../../privacy/viewer-view.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { collectionsCsv } from './collections-csv.ts';

export interface CollectionsOptions {
  /** Where the settlements come from; by default Razorpay's, when online payment is on. */
  settlements?: SettlementSource;
}

/**
 * The collections of a range (JSON, CSV, and the admin's printable page from the JSON) and the
 * reconciliation of online payments. Viewers may read both, with phone numbers masked: the
 * office counts money with them; only staff and admins record it (admin/payments).
 */
const adminCollectionRoutes: FastifyPluginAsyncZod<CollectionsOptions> = async (app, options) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: BOOKING_ROLES }));
  const tz = app.config.templeTimeZone;
  const prefix = app.config.payments.receiptPrefix;
  const settlements =
    options.settlements ??
    (app.config.razorpay ? new RazorpaySettlements(app.config.razorpay) : undefined);

  app.get(
    '/collections',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'What was received and paid back over a range of temple dates',
        description:
          'Totals per clerk and per method (cash, UPI at the counter, card, online), every receipt ' +
          'in number order, the refunds paid out, and the net: what the clerk hands over with the ' +
          'cash box. At most 92 days. JSON by default; `Accept: text/csv` or `?format=csv` gives ' +
          'CSV (UTF-8 with BOM, spreadsheet formulas escaped). Viewers see phone numbers masked. ' +
          'Every read and export is audited.',
        security: staffSecurity,
        querystring: collectionsQuerySchema,
        response: { 200: collectionsSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { from, to, format } = request.query;
      const whole = await buildCollections(app.db, { from, to }, tz, prefix);
      const seen: Collections = {
        ...whole,
        receipts: whole.receipts.map((r) => contactAsSeenBy(principal, r)),
        refunds: whole.refunds.map((r) => contactAsSeenBy(principal, r)),
      };
      const csv = format === 'csv' || (format === undefined && wantsCsv(request.headers.accept));
      await recordBulkRead(
        app.db,
        principal.actor,
        csv ? 'collections.exported' : 'collections.read',
        seen.receipts.length + seen.refunds.length,
        { from, to },
      );
      if (!csv) return seen;
      // NOTE: the CSV bypasses the JSON response schema through its own serializer, as the day
      // sheet's does; the type provider only knows the JSON shape, hence the cast.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="collections-${from}-${to}.csv"`)
        .serializer((body: unknown) => String(body))
        .send(collectionsCsv(seen, tz) as never);
    },
  );

  app.get(
    '/collections/reconciliation',
    {
      schema: {
        tags: ['admin: payments'],
        summary: 'Online payments of a range against Razorpay’s settlements',
        description:
          'Lists settled items that match no payment or refund Sevabook recorded, and online ' +
          `payments of the range found in no settlement (settlements are read until a week after ` +
          'the range, as Razorpay settles a few working days later). When online payment is off ' +
          'the report is empty and says so.',
        security: staffSecurity,
        querystring: reconciliationQuerySchema,
        response: { 200: reconciliationSchema, 503: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      try {
        return await reconcile(app.db, settlements, request.query, tz, prefix);
      } catch (error) {
        if (error instanceof AppError) throw error;
        // Razorpay's status only: its error body may quote what it was sent.
        const status = (error as { statusCode?: unknown } | null)?.statusCode;
        request.log.warn({ status }, 'settlement report unavailable');
        throw new AppError(
          503,
          'service_unavailable',
          'Razorpay unavailable',
          'Razorpay’s settlement report could not be read just now. Try again in a few minutes.',
        );
      }
    },
  );
};

function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}

export default adminCollectionRoutes;
