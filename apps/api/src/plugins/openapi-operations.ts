/**
 * What the API document says of each operation beyond its route's schema: the stable
 * `operationId` generated clients name their methods after, and the media types of the answers
 * and bodies that are not JSON. Keyed by method and path as the document writes them. A route
 * may also declare `operationId` in its own schema; the document's lint test fails for an
 * operation that has none.
 */
export interface OperationContract {
  operationId: string;
  /** Media types the success answer is sent in, instead of JSON alone. */
  successMedia?: Record<string, { schema: object }>;
  /** The request body's media type when it is not JSON. */
  bodyMedia?: string;
}

const text = { type: 'string' } as const;

export const operations: Record<string, OperationContract> = {
  'GET /healthz': { operationId: 'getHealth' },
  'GET /readyz': { operationId: 'getReadiness' },
  'GET /api/v1/temple': { operationId: 'getTemple' },
  'GET /api/v1/sevas': { operationId: 'listSevas' },
  'GET /api/v1/sevas/{id}': { operationId: 'getSeva' },
  'GET /api/v1/slots': { operationId: 'listSlots' },
  'GET /api/v1/slots/{id}': { operationId: 'getSlot' },
  'GET /api/v1/closed-dates': { operationId: 'listClosedDates' },
  'POST /api/v1/bookings': { operationId: 'createBooking' },
  'GET /api/v1/bookings/{reference}.ics': {
    operationId: 'getBookingCalendar',
    successMedia: {
      'text/calendar': {
        schema: { ...text, description: 'An iCalendar file (RFC 5545) with one event' },
      },
    },
  },
  'GET /api/v1/bookings/{reference}': { operationId: 'getBooking' },
  'POST /api/v1/bookings/{reference}/cancel': { operationId: 'cancelBooking' },
  'GET /api/v1/availability/stream': {
    operationId: 'streamAvailability',
    successMedia: {
      'text/event-stream': {
        schema: {
          ...text,
          description:
            'Server-Sent Events named `slot`, each carrying an AvailabilityEvent as JSON in its data',
        },
      },
    },
  },
  'POST /api/v1/webhooks/twilio/status': {
    operationId: 'receiveTwilioStatus',
    bodyMedia: 'application/x-www-form-urlencoded',
  },
  'POST /api/v1/bookings/{reference}/payments/razorpay/order': {
    operationId: 'getRazorpayOrder',
  },
  'POST /api/v1/bookings/{reference}/payments/razorpay/verify': {
    operationId: 'verifyRazorpayPayment',
  },
  'POST /api/v1/payments/razorpay/webhook': { operationId: 'receiveRazorpayWebhook' },
  'POST /api/v1/auth/login': { operationId: 'signIn' },
  'POST /api/v1/auth/refresh': { operationId: 'refreshSession' },
  'POST /api/v1/auth/logout': { operationId: 'signOut' },
  'GET /api/v1/auth/me': { operationId: 'getCurrentStaffUser' },
  'POST /api/v1/auth/password': { operationId: 'changePassword' },
  'GET /api/v1/admin/bookings': { operationId: 'searchBookings' },
  'POST /api/v1/admin/bookings': { operationId: 'createCounterBooking' },
  'GET /api/v1/admin/bookings/{id}': { operationId: 'getAdminBooking' },
  'PATCH /api/v1/admin/bookings/{id}': { operationId: 'updateBooking' },
  'POST /api/v1/admin/bookings/{id}/cancel': { operationId: 'cancelBookingAsStaff' },
  'POST /api/v1/admin/bookings/{id}/restore': { operationId: 'restoreBooking' },
  'GET /api/v1/admin/day-sheet': {
    operationId: 'getDaySheet',
    successMedia: {
      'text/csv': {
        schema: {
          ...text,
          description: 'With `Accept: text/csv`: UTF-8 with a BOM, one row per booking',
        },
      },
    },
  },
  'GET /api/v1/admin/reports/seva-summary': { operationId: 'getSevaSummary' },
  'GET /api/v1/admin/sevas': { operationId: 'listAdminSevas' },
  'POST /api/v1/admin/sevas': { operationId: 'createSeva' },
  'GET /api/v1/admin/sevas/{id}': { operationId: 'getAdminSeva' },
  'PATCH /api/v1/admin/sevas/{id}': { operationId: 'updateSeva' },
  'GET /api/v1/admin/sevas/{sevaId}/schedules': { operationId: 'listSchedules' },
  'POST /api/v1/admin/sevas/{sevaId}/schedules': { operationId: 'createSchedule' },
  'PATCH /api/v1/admin/schedules/{id}': { operationId: 'updateSchedule' },
  'GET /api/v1/admin/slots': { operationId: 'listAdminSlots' },
  'POST /api/v1/admin/slots': { operationId: 'createSlot' },
  'PATCH /api/v1/admin/slots/{id}': { operationId: 'updateSlot' },
  'GET /api/v1/admin/slots/{id}/impact': { operationId: 'getSlotClosingImpact' },
  'GET /api/v1/admin/closed-dates': { operationId: 'listAdminClosedDates' },
  'POST /api/v1/admin/closed-dates': { operationId: 'createClosedDate' },
  'DELETE /api/v1/admin/closed-dates/{id}': { operationId: 'deleteClosedDate' },
  'GET /api/v1/admin/closed-dates/impact': { operationId: 'getClosedDateImpact' },
  'GET /api/v1/admin/notifications': { operationId: 'listNotifications' },
  'GET /api/v1/admin/notifications/health': { operationId: 'getOutboxHealth' },
  'POST /api/v1/admin/notifications/{id}/retry': { operationId: 'retryNotification' },
  'GET /api/v1/admin/audit': { operationId: 'listAuditEntries' },
  'GET /api/v1/admin/users': { operationId: 'listStaffUsers' },
  'POST /api/v1/admin/users': { operationId: 'createStaffUser' },
  'PATCH /api/v1/admin/users/{id}': { operationId: 'updateStaffUser' },
  'POST /api/v1/admin/users/{id}/reset-password': { operationId: 'resetStaffPassword' },
  'GET /api/v1/admin/api-keys': { operationId: 'listApiKeys' },
  'POST /api/v1/admin/api-keys': { operationId: 'createApiKey' },
  'POST /api/v1/admin/api-keys/{id}/revoke': { operationId: 'revokeApiKey' },
  'POST /api/v1/admin/erasures': { operationId: 'eraseDevoteeData' },
  'POST /api/v1/my-bookings/sign-in-codes': { operationId: 'sendSignInCode' },
  'POST /api/v1/my-bookings/sessions': { operationId: 'startDevoteeSession' },
  'GET /api/v1/my-bookings': { operationId: 'listMyBookings' },
  'POST /api/v1/admin/bookings/{id}/payments': { operationId: 'recordCounterPayment' },
  'GET /api/v1/admin/refunds': { operationId: 'listRefunds' },
  'POST /api/v1/admin/refunds/{id}/paid-out': { operationId: 'markRefundPaidOut' },
  'POST /api/v1/admin/refunds/{id}/retry': { operationId: 'retryRefund' },
  'GET /api/v1/admin/collections': {
    operationId: 'getCollections',
    successMedia: {
      'text/csv': {
        schema: {
          ...text,
          description:
            'With `Accept: text/csv` or `?format=csv`: UTF-8 with a BOM, one row per receipt and refund, then the totals',
        },
      },
    },
  },
  'GET /api/v1/admin/collections/reconciliation': { operationId: 'getReconciliation' },
  'POST /api/v1/admin/check-ins': { operationId: 'checkInBooking' },
  'GET /api/v1/admin/no-shows': { operationId: 'getNoShows' },
  'GET /api/v1/admin/settings': { operationId: 'getTempleSettings' },
  'PUT /api/v1/admin/settings': { operationId: 'updateTempleSettings' },
  'POST /api/v1/slots/{slotId}/waitlist': { operationId: 'joinWaitlist' },
  'GET /api/v1/waitlist/{id}': { operationId: 'getWaitlistEntry' },
  'DELETE /api/v1/waitlist/{id}': { operationId: 'leaveWaitlist' },
  'POST /api/v1/waitlist/{id}/accept': { operationId: 'acceptWaitlistOffer' },
  'GET /api/v1/admin/slots/{slotId}/waitlist': { operationId: 'listSlotWaitlist' },
  'POST /api/v1/admin/waitlist/{id}/offer': { operationId: 'offerWaitlistPlaces' },
  'DELETE /api/v1/admin/waitlist/{id}': { operationId: 'removeWaitlistEntry' },
};
