import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dateColumnValue,
  dateOfDateColumn,
  problemSchema,
  publicClosedDateListSchema,
  publicClosedDateQuerySchema,
} from '@sevabook/shared';

/**
 * Dates the temple, or one seva, is closed, with the reason staff gave: a devotee looking for a
 * date sees "closed for the Rathotsava" rather than a day that simply has no slots.
 */
const closedDateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/closed-dates',
    {
      schema: {
        tags: ['slots'],
        summary: 'Closed dates in a date range, for the whole temple or one seva, with the reason',
        querystring: publicClosedDateQuerySchema,
        response: { 200: publicClosedDateListSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { from, to, sevaId } = request.query;
      const rows = await app.db.closedDate.findMany({
        where: {
          date: { gte: dateColumnValue(from), lte: dateColumnValue(to) },
          // A seva's own closures and the whole temple's.
          ...(sevaId !== undefined ? { OR: [{ sevaId }, { sevaId: null }] } : {}),
        },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        take: 1_000,
      });
      return {
        items: rows.map((r) => ({
          date: dateOfDateColumn(r.date),
          sevaId: r.sevaId,
          reason: r.reason,
        })),
      };
    },
  );
};

export default closedDateRoutes;
