import type { FastifyPluginAsync } from 'fastify';
import adminBookingRoutes from './bookings/routes.ts';
import adminApiKeyRoutes from './api-keys/routes.ts';
import adminAuditRoutes from './audit/routes.ts';
import adminClosedDateRoutes from './closed-dates/routes.ts';
import closingImpactRoutes from './closed-dates/impact-routes.ts';
import daySheetRoutes from './day-sheet/routes.ts';
import adminErasureRoutes from './erasures/routes.ts';
import adminScheduleRoutes from './schedules/routes.ts';
import adminSevaRoutes from './sevas/routes.ts';
import adminNotificationRoutes from './notifications/routes.ts';
import adminSlotRoutes from './slots/routes.ts';
import adminUserRoutes from './users/routes.ts';
import adminPaymentRoutes from './payments/routes.ts';
import adminRefundRoutes from './refunds/routes.ts';
import adminCollectionRoutes from './collections/routes.ts';
import adminWaitlistRoutes from '../waitlist/admin-routes.ts';
import checkInRoutes from '../check-in/routes.ts';
import settingsRoutes from './settings/routes.ts';

/**
 * Everything under /api/v1/admin. Each resource registers its own authorize hook (auth/authorize.ts)
 * with the roles that may read and write it.
 */
const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(adminBookingRoutes);
  await app.register(daySheetRoutes);
  await app.register(adminSevaRoutes);
  await app.register(adminScheduleRoutes);
  await app.register(adminSlotRoutes);
  await app.register(adminClosedDateRoutes);
  await app.register(closingImpactRoutes);
  await app.register(adminNotificationRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminUserRoutes);
  await app.register(adminApiKeyRoutes);
  await app.register(adminErasureRoutes);
  await app.register(adminPaymentRoutes);
  await app.register(adminRefundRoutes);
  await app.register(adminCollectionRoutes);
  await app.register(adminWaitlistRoutes);
  await app.register(checkInRoutes);
  await app.register(settingsRoutes);
};

export default adminRoutes;
