/**
 * The seva's refund policy for one booking: a full refund when cancelled at least
 * `refundFullHoursBefore` hours before the seva starts, none after. The API applies it when the
 * booking is cancelled; the site only says beforehand what will happen.
 */
export function fullRefundUntil(startsAt: string, refundFullHoursBefore: number): Date {
  return new Date(Date.parse(startsAt) - refundFullHoursBefore * 3_600_000);
}

export function refundDueIfCancelledAt(
  now: Date,
  startsAt: string,
  refundFullHoursBefore: number,
): boolean {
  return now.getTime() <= fullRefundUntil(startsAt, refundFullHoursBefore).getTime();
}
