import type { FastifyPluginAsync } from 'fastify';
import adminBookingRoutes from './bookings/routes.ts';
import daySheetRoutes from './day-sheet/routes.ts';

/**
 * Everything under /api/v1/admin. Each resource registers its own authorize hook (auth/authorize.ts)
 * with the roles that may read and write it.
 */
const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(adminBookingRoutes);
  await app.register(daySheetRoutes);
};

export default adminRoutes;
